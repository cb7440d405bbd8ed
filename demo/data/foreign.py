"""Thông tin đối ngoại (Foreign information): the section and its first two articles."""

import datetime

from ..schema import (
    Article,
    Bullets,
    DocumentLink,
    Figure,
    Heading,
    Paragraph,
    Picture,
    Quote,
    Section,
    Statistics,
    T,
    Table,
    slugs,
    vietnam_time,
)
from . import tags

SECTION = Section(
    key="foreign",
    slug=slugs("thong-tin-doi-ngoai", "foreign-information"),
    title=T("Thông tin đối ngoại", "Foreign information", "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ"),
    intro=T(
        "Hoạt động đối ngoại, hợp tác quốc tế và quan hệ hữu nghị của tỉnh Sơn La với các tỉnh của Lào "
        "và các đối tác nước ngoài.",
        "Son La’s foreign relations, international cooperation and friendship with the provinces of Laos "
        "and other partners abroad.",
        "ວຽກງານການຕ່າງປະເທດ, ການຮ່ວມມືສາກົນ ແລະ ການພົວພັນມິດຕະພາບ ລະຫວ່າງແຂວງເຊີນລາ ກັບບັນດາແຂວງຂອງລາວ "
        "ແລະ ຄູ່ຮ່ວມມືຕ່າງປະເທດ.",
    ),
)

CONFERENCE_2017 = Article(
    key="conference_2017",
    slug=slugs(
        "hoi-nghi-so-ket-5-nam-chuong-trinh-hanh-dong-thong-tin-doi-ngoai-2013-2020",
        "conference-reviews-five-years-of-foreign-information-programme-2013-2020",
    ),
    title=T(
        "Hội nghị sơ kết 5 năm thực hiện chương trình hành động của Chính phủ về thông tin đối ngoại "
        "giai đoạn 2013-2020",
        "Conference reviews five years of the Government’s action programme on foreign information, "
        "2013-2020",
        "ກອງປະຊຸມສະຫຼຸບ 5 ປີ ການຈັດຕັ້ງປະຕິບັດແຜນງານປະຕິບັດງານຂອງລັດຖະບານ ກ່ຽວກັບຂໍ້ມູນຂ່າວສານ"
        "ການຕ່າງປະເທດ ໄລຍະ 2013-2020",
    ),
    lead=T(
        "Sáng 02/11, Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết 5 năm thực hiện chương trình hành động "
        "của Chính phủ về công tác thông tin đối ngoại giai đoạn 2013-2020 trên địa bàn tỉnh.",
        "On the morning of 2 November, the provincial People’s Committee held a conference reviewing five "
        "years of the Government’s action programme on foreign information for 2013-2020 in the province.",
        "ໃນຕອນເຊົ້າວັນທີ 2 ພະຈິກ, ຄະນະກຳມະການປະຊາຊົນແຂວງ ໄດ້ຈັດກອງປະຊຸມສະຫຼຸບ 5 ປີ "
        "ການຈັດຕັ້ງປະຕິບັດແຜນງານປະຕິບັດງານຂອງລັດຖະບານ ກ່ຽວກັບວຽກງານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ "
        "ໄລຍະ 2013-2020 ໃນທົ່ວແຂວງ.",
    ),
    published_at=vietnam_time(2017, 11, 2, 10, 0),
    author=T("Diệp Hương", "Diep Huong", "ຢ້ຽບ ເຮືອງ"),
    tags=(tags.FOREIGN_INFORMATION, tags.CONFERENCE),
    image="conference",
    image_alt=T(
        "Tranh minh họa hội trường có băng rôn đỏ, bục phát biểu và các hàng ghế",
        "Illustration of a meeting hall with a red banner, a lectern and rows of seats",
        "ຮູບແຕ້ມຫ້ອງປະຊຸມ ມີປ້າຍສີແດງ, ໂຕະກ່າວຄຳເຫັນ ແລະ ແຖວຕັ່ງນັ່ງ",
    ),
    image_caption=T(
        "Hội nghị sơ kết 5 năm thực hiện chương trình hành động của Chính phủ về thông tin đối ngoại "
        "giai đoạn 2013-2020",
        "The conference reviewing five years of the Government’s action programme on foreign "
        "information, 2013-2020",
        "ກອງປະຊຸມສະຫຼຸບ 5 ປີ ການຈັດຕັ້ງປະຕິບັດແຜນງານຂອງລັດຖະບານ ກ່ຽວກັບຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ",
    ),
    body=(
        Paragraph(
            T(
                "Tham dự hội nghị có lãnh đạo các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố và "
                "đại diện các cơ quan báo chí của tỉnh.",
                "Leaders of provincial departments and agencies, of the district and city People’s "
                "Committees, and representatives of the provincial press attended the conference.",
                "ເຂົ້າຮ່ວມກອງປະຊຸມມີ ການນຳຂອງບັນດາພະແນກການ, ຄະນະກຳມະການປະຊາຊົນຂັ້ນເມືອງ ແລະ ຕົວແທນສື່ມວນຊົນຂອງແຂວງ.",
            ),
            T(
                "Báo cáo tại hội nghị cho biết, sau 5 năm, các cơ quan, đơn vị đã tổ chức hơn 300 hoạt động "
                "tuyên truyền về biên giới và quan hệ hữu nghị đặc biệt Việt Nam - Lào, phát hành nhiều ấn "
                "phẩm song ngữ Việt - Lào và thường xuyên đưa tin đối ngoại trên Cổng thông tin điện tử của tỉnh.",
                "The report presented to the conference said that over five years agencies had organised more "
                "than 300 awareness activities on the border and on the special friendship between Vietnam "
                "and Laos, issued many bilingual Vietnamese-Lao publications and regularly published foreign "
                "information on the provincial web portal.",
                "ບົດລາຍງານຕໍ່ກອງປະຊຸມ ໄດ້ໃຫ້ຮູ້ວ່າ ໃນໄລຍະ 5 ປີຜ່ານມາ ບັນດາອົງການ ໄດ້ຈັດກິດຈະກຳໂຄສະນາ ຫຼາຍກວ່າ 300 "
                "ຄັ້ງ ກ່ຽວກັບຊາຍແດນ ແລະ ການພົວພັນມິດຕະພາບພິເສດ ຫວຽດນາມ - ລາວ, ຈັດພິມເອກະສານສອງພາສາ "
                "ຫວຽດນາມ - ລາວ ຫຼາຍສະບັບ ແລະ ເຜີຍແຜ່ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ຢູ່ໃນປະຕູຂໍ້ມູນຂ່າວສານ"
                "ເອເລັກໂຕຣນິກຂອງແຂວງ ເປັນປະຈຳ.",
            ),
        ),
        Heading(T("Nhiệm vụ thời gian tới", "Tasks ahead", "ໜ້າວຽກໃນຕໍ່ໜ້າ")),
        Paragraph(
            T(
                "Hội nghị thống nhất một số nhiệm vụ trọng tâm:",
                "The conference agreed on several priorities:",
                "ກອງປະຊຸມ ໄດ້ເປັນເອກະພາບກັນກ່ຽວກັບໜ້າວຽກຈຸດສຸມຈຳນວນໜຶ່ງ:",
            ),
            Bullets(
                (
                    T(
                        "nâng cao chất lượng chuyên mục thông tin đối ngoại bằng tiếng Anh và tiếng Lào;",
                        "improving the foreign information pages in English and Lao;",
                        "ຍົກສູງຄຸນນະພາບຂອງໝວດຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ເປັນພາສາອັງກິດ ແລະ ພາສາລາວ;",
                    ),
                    T(
                        "bồi dưỡng nghiệp vụ cho cán bộ làm công tác đối ngoại ở cơ sở;",
                        "training officials who handle foreign affairs at local level;",
                        "ຝຶກອົບຮົມວິຊາສະເພາະໃຫ້ພະນັກງານທີ່ເຮັດວຽກງານການຕ່າງປະເທດຢູ່ຮາກຖານ;",
                    ),
                    T(
                        "phối hợp với các tỉnh Bắc Lào trao đổi tin bài định kỳ.",
                        "exchanging news regularly with the provinces of northern Laos.",
                        "ປະສານສົມທົບກັບບັນດາແຂວງພາກເໜືອຂອງລາວ ແລກປ່ຽນຂ່າວສານເປັນປະຈຳ.",
                    ),
                )
            ),
        ),
        Quote(
            text=T(
                "Thông tin đối ngoại phải đi trước một bước, để bạn bè quốc tế hiểu đúng và hiểu rõ về Sơn La.",
                "Foreign information must go one step ahead, so that friends abroad understand Son La "
                "correctly and clearly.",
                "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ຕ້ອງກ້າວໄປກ່ອນໜຶ່ງບາດ ເພື່ອໃຫ້ມິດສາກົນເຂົ້າໃຈແຂວງເຊີນລາ "
                "ຢ່າງຖືກຕ້ອງ ແລະ ຈະແຈ້ງ.",
            ),
            attribution=T(
                "Phó Chủ tịch Ủy ban nhân dân tỉnh phát biểu kết luận hội nghị",
                "Vice-Chairman of the provincial People’s Committee, closing the conference",
                "ຮອງປະທານຄະນະກຳມະການປະຊາຊົນແຂວງ ກ່າວສະຫຼຸບກອງປະຊຸມ",
            ),
        ),
    ),
)

HOUAPHANH_2026 = Article(
    key="houaphanh_2026",
    slug=slugs(
        "son-la-va-hua-phan-thong-nhat-ke-hoach-hop-tac-nam-2026",
        "son-la-and-houaphanh-agree-cooperation-plan-for-2026",
    ),
    title=T(
        "Sơn La và Hủa Phăn thống nhất kế hoạch hợp tác năm 2026",
        "Son La and Houaphanh agree their cooperation plan for 2026",
        "ແຂວງເຊີນລາ ແລະ ແຂວງຫົວພັນ ເປັນເອກະພາບແຜນການຮ່ວມມື ປີ 2026",
    ),
    lead=T(
        "Tại hội đàm thường niên, lãnh đạo hai tỉnh Sơn La (Việt Nam) và Hủa Phăn (Lào) đánh giá kết quả "
        "hợp tác năm 2025 và ký biên bản ghi nhớ về 5 lĩnh vực ưu tiên trong năm 2026.",
        "At their annual talks, the leaders of Son La (Vietnam) and Houaphanh (Laos) reviewed their "
        "cooperation in 2025 and signed a memorandum on five priority areas for 2026.",
        "ໃນກອງປະຊຸມເຈລະຈາປະຈຳປີ, ການນຳຂອງແຂວງເຊີນລາ (ຫວຽດນາມ) ແລະ ແຂວງຫົວພັນ (ລາວ) ໄດ້ຕີລາຄາ"
        "ຜົນການຮ່ວມມືປີ 2025 ແລະ ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ກ່ຽວກັບ 5 ຂົງເຂດບູລິມະສິດ ໃນປີ 2026.",
    ),
    published_at=vietnam_time(2026, 1, 15, 16, 20),
    author=T("Lò Thị Mai", "Lo Thi Mai", "ໂລ ທິ ໄມ"),
    tags=(tags.COOPERATION, tags.LAOS, tags.HOUAPHANH, tags.FOREIGN_INFORMATION),
    image="border",
    image_alt=T(
        "Tranh minh họa con đường uốn lượn qua núi tới cột mốc biên giới",
        "Illustration of a winding road through the mountains to a border marker",
        "ຮູບແຕ້ມເສັ້ນທາງຄົດລ້ຽວຜ່ານພູ ໄປຫາຫຼັກໝາຍຊາຍແດນ",
    ),
    image_caption=T(
        "Tuyến đường nối Sơn La với tỉnh Hủa Phăn (tranh minh họa)",
        "The road linking Son La with Houaphanh province (illustration)",
        "ເສັ້ນທາງເຊື່ອມຕໍ່ແຂວງເຊີນລາ ກັບແຂວງຫົວພັນ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("conference_2017",),
    body=(
        Paragraph(
            T(
                "Năm 2025, hai tỉnh đã phối hợp tuần tra song phương trên tuyến biên giới, tiếp nhận sinh "
                "viên Lào sang học tập và khám chữa bệnh cho người dân hai bên biên giới.",
                "In 2025 the two provinces ran joint patrols along the border, welcomed Lao students to study "
                "in Son La and provided medical care to people living on both sides of the border.",
                "ໃນປີ 2025, ສອງແຂວງ ໄດ້ປະສານສົມທົບລາດຕະເວນຮ່ວມກັນຕາມຊາຍແດນ, ຮັບນັກສຶກສາລາວມາຮຽນ ແລະ "
                "ກວດປິ່ນປົວພະຍາດໃຫ້ປະຊາຊົນທັງສອງຟາກຊາຍແດນ.",
            ),
        ),
        Picture(
            image="conference",
            alt=T(
                "Tranh minh họa phòng họp có bục phát biểu, hàng ghế đại biểu và băng rôn đỏ",
                "Illustration of a meeting room with a lectern, rows of seats and a red banner",
                "ຮູບແຕ້ມຫ້ອງປະຊຸມ ມີໂຕະກ່າວຄຳເຫັນ, ແຖວບ່ອນນັ່ງຜູ້ແທນ ແລະ ປ້າຍສີແດງ",
            ),
            caption=T(
                "Hai đoàn làm việc tại phòng họp của Ủy ban nhân dân tỉnh (tranh minh họa)",
                "The two delegations at work in the provincial People’s Committee’s meeting room (illustration)",
                "ສອງຄະນະ ເຮັດວຽກຮ່ວມກັນ ຢູ່ຫ້ອງປະຊຸມຂອງຄະນະກຳມະການປະຊາຊົນແຂວງ (ຮູບແຕ້ມປະກອບ)",
            ),
        ),
        Heading(T("Kết quả hợp tác năm 2025", "Cooperation in 2025", "ຜົນການຮ່ວມມືປີ 2025")),
        Table(
            caption=T(
                "Một số kết quả hợp tác giữa Sơn La và Hủa Phăn năm 2025",
                "Selected results of Son La - Houaphanh cooperation in 2025",
                "ຜົນການຮ່ວມມືບາງດ້ານ ລະຫວ່າງແຂວງເຊີນລາ ແລະ ແຂວງຫົວພັນ ປີ 2025",
            ),
            rows=(
                (
                    T("Lĩnh vực", "Area", "ຂົງເຂດ"),
                    T("Kết quả", "Result", "ຜົນໄດ້ຮັບ"),
                ),
                (
                    T("Tuần tra biên giới song phương", "Joint border patrols", "ລາດຕະເວນຊາຍແດນຮ່ວມກັນ"),
                    T("24 đợt", "24 patrols", "24 ຄັ້ງ"),
                ),
                (
                    T("Sinh viên Lào học tại Sơn La", "Lao students in Son La", "ນັກສຶກສາລາວ ຮຽນຢູ່ແຂວງເຊີນລາ"),
                    T("186 người", "186 students", "186 ຄົນ"),
                ),
                (
                    T("Lượt khám chữa bệnh cho người dân Lào", "Medical visits by Lao residents", "ຈຳນວນເທື່ອກວດປິ່ນປົວໃຫ້ປະຊາຊົນລາວ"),
                    T("3.450 lượt", "3,450 visits", "3.450 ເທື່ອ"),
                ),
            ),
        ),
        Quote(
            text=T(
                "Mỗi km biên giới hòa bình là thành quả chung của nhân dân hai tỉnh.",
                "Every kilometre of a peaceful border is the shared achievement of the people of both provinces.",
                "ທຸກໆກິໂລແມັດຂອງຊາຍແດນທີ່ສະຫງົບ ແມ່ນຜົນງານຮ່ວມກັນຂອງປະຊາຊົນທັງສອງແຂວງ.",
            ),
            attribution=T(
                "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
                "Chairman of the People’s Committee of Son La Province",
                "ປະທານຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ",
            ),
        ),
        Statistics(
            heading=T(
                "Thương mại qua các cửa khẩu với Hủa Phăn",
                "Trade through the border gates with Houaphanh",
                "ສະຖິຕິການຄ້າຜ່ານດ່ານຊາຍແດນກັບແຂວງຫົວພັນ",
            ),
            figures=(
                Figure(
                    value="38.6",
                    unit=T("triệu USD", "million USD", "ລ້ານໂດລາ"),
                    label=T("Kim ngạch xuất nhập khẩu năm 2025", "Imports and exports in 2025", "ມູນຄ່າການນຳເຂົ້າ-ສົ່ງອອກ ປີ 2025"),
                    source=T("Sở Công Thương tỉnh Sơn La", "Son La Department of Industry and Trade", "ພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 12, 31),
                ),
                Figure(
                    value="41250",
                    unit=T("lượt", "crossings", "ເທື່ອ"),
                    label=T("Người qua lại cửa khẩu", "People crossing the border gates", "ຈຳນວນຄົນຜ່ານດ່ານ"),
                    source=T("Bộ đội Biên phòng tỉnh Sơn La", "Son La Border Guard", "ກອງບັນຊາການປ້ອງກັນຊາຍແດນ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 12, 31),
                ),
            ),
        ),
        DocumentLink(
            document="cooperation_plan",
            title=T(
                "Kế hoạch hợp tác năm 2026 giữa hai tỉnh (tệp văn bản)",
                "The two provinces’ cooperation plan for 2026 (text file)",
                "ແຜນການຮ່ວມມືປີ 2026 ຂອງສອງແຂວງ (ໄຟລ໌ຂໍ້ຄວາມ)",
            ),
        ),
    ),
)
