"""Thông tin cải cách (Reform information): two more articles."""

import datetime

from ..schema import Article, Figure, Heading, Paragraph, Quote, Statistics, T, slugs, vietnam_time
from . import tags

SERVICE_CENTRE = Article(
    key="service_centre",
    slug=slugs(
        "trung-tam-phuc-vu-hanh-chinh-cong-tiep-nhan-ho-so-khong-phu-thuoc-dia-gioi",
        "public-service-centre-accepts-applications-from-anywhere-in-the-province",
    ),
    title=T(
        "Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ không phụ thuộc địa giới hành chính",
        "Public Service Centre accepts applications from anywhere in the province",
        "ສູນບໍລິການບໍລິຫານສາທາລະນະ ຮັບເອກະສານໂດຍບໍ່ຂຶ້ນກັບເຂດແດນບໍລິຫານ",
    ),
    lead=T(
        "Từ tháng 8/2025, người dân có thể nộp hồ sơ của nhiều thủ tục tại bất kỳ điểm tiếp nhận nào của "
        "Trung tâm Phục vụ hành chính công tỉnh và các xã, phường.",
        "Since August 2025, residents can hand in applications for many procedures at any office of the "
        "provincial Public Service Centre or of the communes and wards.",
        "ນັບແຕ່ເດືອນສິງຫາ 2025 ເປັນຕົ້ນມາ, ປະຊາຊົນສາມາດຍື່ນເອກະສານຂອງຫຼາຍຂັ້ນຕອນ ຢູ່ຈຸດຮັບເອກະສານໃດກໍໄດ້ "
        "ຂອງສູນບໍລິການບໍລິຫານສາທາລະນະແຂວງ ແລະ ຂອງບັນດາຕາແສງ.",
    ),
    published_at=vietnam_time(2025, 8, 21, 10, 40),
    author=T("Hà Minh Đức", "Ha Minh Duc", "ຮ່າ ມິງ ດຶກ"),
    tags=(tags.ADMIN_REFORM, tags.ONLINE_SERVICES),
    related=("online_services",),
    body=(
        Paragraph(
            T(
                "Hồ sơ giấy được số hóa ngay tại quầy và chuyển tới cơ quan có thẩm quyền qua hệ thống thông "
                "tin giải quyết thủ tục hành chính của tỉnh.",
                "Paper applications are scanned at the counter and sent to the competent agency through the "
                "province’s administrative procedures system.",
                "ເອກະສານທີ່ເປັນເຈ້ຍ ຈະຖືກສະແກນເປັນດິຈິຕອນທັນທີຢູ່ເຄົາເຕີ ແລະ ສົ່ງໄປຫາອົງການທີ່ມີສິດອຳນາດ "
                "ຜ່ານລະບົບຂໍ້ມູນຂ່າວສານການແກ້ໄຂເອກະສານບໍລິຫານຂອງແຂວງ.",
            ),
        ),
        Heading(T("Giảm chi phí đi lại", "Less travel", "ຫຼຸດຄ່າໃຊ້ຈ່າຍໃນການເດີນທາງ")),
        Paragraph(
            T(
                "Người lao động làm việc xa nhà không còn phải về nơi cư trú để làm thủ tục, tiết kiệm thời "
                "gian và chi phí đi lại.",
                "People working far from home no longer have to travel back to where they are registered, "
                "which saves them time and money.",
                "ຜູ້ອອກແຮງງານທີ່ເຮັດວຽກໄກບ້ານ ບໍ່ຈຳເປັນຕ້ອງກັບໄປບ່ອນຢູ່ອາໄສ ເພື່ອເຮັດເອກະສານອີກຕໍ່ໄປ, "
                "ຊ່ວຍປະຢັດທັງເວລາ ແລະ ຄ່າເດີນທາງ.",
            ),
        ),
        Quote(
            text=T(
                "Người dân đến một nơi, được phục vụ như ở mọi nơi.",
                "Come to one office, and be served as if at every office.",
                "ປະຊາຊົນມາບ່ອນດຽວ ກໍໄດ້ຮັບການບໍລິການຄືກັບທຸກບ່ອນ.",
            ),
            attribution=T(
                "Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
                "Director of the provincial Public Service Centre",
                "ຫົວໜ້າສູນບໍລິການບໍລິຫານສາທາລະນະແຂວງ",
            ),
        ),
    ),
)

SATISFACTION_2025 = Article(
    key="satisfaction_2025",
    slug=slugs(
        "muc-do-hai-long-cua-nguoi-dan-voi-dich-vu-hanh-chinh-cong-nam-2025",
        "citizen-satisfaction-with-public-administrative-services-2025",
    ),
    title=T(
        "Mức độ hài lòng của người dân với dịch vụ hành chính công năm 2025 đạt 92%",
        "Citizen satisfaction with public administrative services reached 92% in 2025",
        "ຄວາມພໍໃຈຂອງປະຊາຊົນ ຕໍ່ການບໍລິການບໍລິຫານສາທາລະນະ ປີ 2025 ບັນລຸ 92%",
    ),
    lead=T(
        "Kết quả khảo sát hơn 6.000 người dân và doanh nghiệp cho thấy chất lượng phục vụ của bộ phận "
        "một cửa tiếp tục được cải thiện.",
        "A survey of more than 6,000 citizens and businesses shows that one-stop service offices keep "
        "improving.",
        "ຜົນການສຳຫຼວດປະຊາຊົນ ແລະ ວິສາຫະກິດ ຫຼາຍກວ່າ 6.000 ຄົນ ສະແດງໃຫ້ເຫັນວ່າ ຄຸນນະພາບການບໍລິການ"
        "ຂອງຫ້ອງການບໍລິການປະຕູດຽວ ສືບຕໍ່ໄດ້ຮັບການປັບປຸງ.",
    ),
    published_at=vietnam_time(2026, 2, 10, 11, 5),
    author=T("Cầm Thị Lan", "Cam Thi Lan", "ກຳ ທິ ລານ"),
    tags=(tags.ADMIN_REFORM, tags.STATISTICS),
    related=("par_index", "service_centre"),
    body=(
        Paragraph(
            T(
                "Cuộc khảo sát do Sở Nội vụ thực hiện trong quý IV năm 2025 tại tất cả các xã, phường trong tỉnh.",
                "The Department of Home Affairs carried out the survey in the fourth quarter of 2025 in every "
                "commune and ward of the province.",
                "ພະແນກພາຍໃນ ໄດ້ດຳເນີນການສຳຫຼວດ ໃນໄຕມາດທີ IV ຂອງປີ 2025 ຢູ່ທຸກຕາແສງໃນທົ່ວແຂວງ.",
            ),
        ),
        Statistics(
            heading=T(
                "Kết quả khảo sát năm 2025",
                "Survey results, 2025",
                "ສະຖິຕິຜົນການສຳຫຼວດ ປີ 2025",
            ),
            figures=(
                Figure(
                    value="92",
                    unit="%",
                    label=T("Người được hỏi hài lòng", "Respondents satisfied", "ຜູ້ຕອບແບບສອບຖາມທີ່ພໍໃຈ"),
                    source=T("Sở Nội vụ tỉnh Sơn La", "Son La Department of Home Affairs", "ພະແນກພາຍໃນ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 12, 31),
                ),
                Figure(
                    value="6214",
                    unit=T("phiếu", "responses", "ແບບສອບຖາມ"),
                    label=T("Số phiếu khảo sát hợp lệ", "Valid survey responses", "ຈຳນວນແບບສອບຖາມທີ່ຖືກຕ້ອງ"),
                    source=T("Sở Nội vụ tỉnh Sơn La", "Son La Department of Home Affairs", "ພະແນກພາຍໃນ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 12, 31),
                ),
                Figure(
                    value="97.5",
                    unit="%",
                    label=T("Hồ sơ giải quyết đúng hạn", "Applications settled on time", "ເອກະສານທີ່ແກ້ໄຂທັນເວລາ"),
                    source=T("Văn phòng Ủy ban nhân dân tỉnh", "Office of the provincial People’s Committee", "ຫ້ອງວ່າການຄະນະກຳມະການປະຊາຊົນແຂວງ"),
                    as_of=datetime.date(2025, 12, 31),
                ),
            ),
        ),
        Heading(T("Những điểm cần cải thiện", "What needs to improve", "ສິ່ງທີ່ຕ້ອງປັບປຸງ")),
        Paragraph(
            T(
                "Người dân đề nghị rút ngắn thời gian chờ tại quầy và bổ sung hướng dẫn bằng tiếng dân tộc "
                "Thái, H’Mông ở các xã vùng cao.",
                "Residents asked for shorter waits at the counters and for guidance in the Thai and H’Mong "
                "languages in highland communes.",
                "ປະຊາຊົນ ສະເໜີໃຫ້ຫຼຸດເວລາລໍຖ້າຢູ່ເຄົາເຕີ ແລະ ເພີ່ມຄຳແນະນຳເປັນພາສາໄທ ແລະ ພາສາມົ້ງ "
                "ຢູ່ບັນດາຕາແສງເຂດພູດອຍ.",
            ),
        ),
    ),
)

ARTICLES = (SERVICE_CENTRE, SATISFACTION_2025)
