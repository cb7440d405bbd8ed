"""Thông tin cải cách (Reform information): the section and its first two articles."""

from ..schema import (
    Article,
    Bullets,
    DocumentLink,
    Heading,
    Paragraph,
    Quote,
    Section,
    T,
    Table,
    slugs,
    vietnam_time,
)
from . import tags

SECTION = Section(
    key="reform",
    slug=slugs("thong-tin-cai-cach", "reform-information"),
    title=T("Thông tin cải cách", "Reform information", "ຂໍ້ມູນຂ່າວສານການປະຕິຮູບ"),
    intro=T(
        "Cải cách hành chính, dịch vụ công trực tuyến và chuyển đổi số trong các cơ quan nhà nước của tỉnh.",
        "Administrative reform, online public services and digital transformation in the province’s "
        "public bodies.",
        "ການປະຕິຮູບບໍລິຫານ, ການບໍລິການສາທາລະນະອອນລາຍ ແລະ ການຫັນເປັນດິຈິຕອນ ໃນອົງການລັດຂອງແຂວງ.",
    ),
)

PAR_INDEX = Article(
    key="par_index",
    slug=slugs(
        "son-la-day-manh-cai-cach-hanh-chinh-nang-cao-chi-so-par-index",
        "son-la-steps-up-administrative-reform-to-raise-its-par-index",
    ),
    title=T(
        "Sơn La đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX",
        "Son La steps up administrative reform to raise its PAR Index",
        "ແຂວງເຊີນລາ ຊຸກຍູ້ການປະຕິຮູບບໍລິຫານ ເພື່ອຍົກສູງດັດຊະນີ PAR INDEX",
    ),
    lead=T(
        "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính năm 2026, tập trung cắt giảm thời gian "
        "giải quyết thủ tục và nâng cao chất lượng phục vụ người dân, doanh nghiệp.",
        "The provincial People’s Committee has issued its administrative reform plan for 2026, which "
        "focuses on shortening procedures and improving services for citizens and businesses.",
        "ຄະນະກຳມະການປະຊາຊົນແຂວງ ໄດ້ອອກແຜນການປະຕິຮູບບໍລິຫານ ປີ 2026 ໂດຍສຸມໃສ່ການຫຼຸດຜ່ອນເວລາ"
        "ແກ້ໄຂເອກະສານ ແລະ ຍົກສູງຄຸນນະພາບການບໍລິການປະຊາຊົນ ແລະ ວິສາຫະກິດ.",
    ),
    published_at=vietnam_time(2026, 3, 20, 9, 45),
    author=T("Hà Minh Đức", "Ha Minh Duc", "ຮ່າ ມິງ ດຶກ"),
    tags=(tags.ADMIN_REFORM, tags.STATISTICS),
    body=(
        Paragraph(
            T(
                "Kế hoạch đặt mục tiêu giảm ít nhất 20% thời gian giải quyết thủ tục hành chính so với quy "
                "định và công khai đầy đủ tiến độ xử lý hồ sơ trên Cổng dịch vụ công của tỉnh.",
                "The plan aims to cut processing times by at least 20% compared with the legal limits, and to "
                "publish the progress of every application on the province’s public service portal.",
                "ແຜນການ ໄດ້ວາງເປົ້າໝາຍຫຼຸດເວລາແກ້ໄຂເອກະສານບໍລິຫານລົງຢ່າງໜ້ອຍ 20% ທຽບກັບລະບຽບການ ແລະ "
                "ເປີດເຜີຍຄວາມຄືບໜ້າຂອງການແກ້ໄຂເອກະສານທຸກສະບັບ ຢູ່ໃນປະຕູບໍລິການສາທາລະນະຂອງແຂວງ.",
            ),
        ),
        Heading(T("Chỉ số cải cách hành chính qua các năm", "The reform index over the years", "ດັດຊະນີການປະຕິຮູບບໍລິຫານ ແຕ່ລະປີ")),
        Table(
            caption=T(
                "Điểm chỉ số cải cách hành chính (PAR INDEX) của tỉnh, 2022-2025",
                "The province’s administrative reform index (PAR Index) scores, 2022-2025",
                "ຄະແນນດັດຊະນີການປະຕິຮູບບໍລິຫານ (PAR INDEX) ຂອງແຂວງ, 2022-2025",
            ),
            rows=(
                (T("Năm", "Year", "ປີ"), T("Điểm (trên 100)", "Score (out of 100)", "ຄະແນນ (ເຕັມ 100)")),
                ("2022", T("84,1", "84.1", "84,1")),
                ("2023", T("85,6", "85.6", "85,6")),
                ("2024", T("87,2", "87.2", "87,2")),
                ("2025", T("88,9", "88.9", "88,9")),
            ),
        ),
        Paragraph(
            T(
                "Ba nhóm giải pháp được ưu tiên:",
                "Three groups of measures come first:",
                "ມາດຕະການສາມກຸ່ມ ທີ່ໄດ້ຮັບບູລິມະສິດ:",
            ),
            Bullets(
                (
                    T(
                        "rà soát, đơn giản hóa thủ tục trong lĩnh vực đất đai và đầu tư;",
                        "reviewing and simplifying land and investment procedures;",
                        "ທົບທວນ ແລະ ຫຼຸດຜ່ອນຂັ້ນຕອນ ໃນຂົງເຂດທີ່ດິນ ແລະ ການລົງທຶນ;",
                    ),
                    T(
                        "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;",
                        "digitising applications and their results;",
                        "ຫັນເອກະສານ ແລະ ຜົນການແກ້ໄຂເອກະສານບໍລິຫານ ເປັນດິຈິຕອນ;",
                    ),
                    T(
                        "gắn kết quả cải cách hành chính với đánh giá người đứng đầu.",
                        "linking reform results to the assessment of agency heads.",
                        "ເຊື່ອມໂຍງຜົນການປະຕິຮູບບໍລິຫານ ເຂົ້າກັບການປະເມີນຜູ້ນຳຂອງອົງການ.",
                    ),
                )
            ),
        ),
    ),
)

ONLINE_SERVICES = Article(
    key="online_services",
    slug=slugs(
        "son-la-dua-thu-tuc-len-dich-vu-cong-truc-tuyen-toan-trinh",
        "son-la-moves-procedures-to-end-to-end-online-public-services",
    ),
    title=T(
        "Sơn La đưa 100% thủ tục đủ điều kiện lên dịch vụ công trực tuyến toàn trình",
        "Son La offers every eligible procedure as an end-to-end online public service",
        "ແຂວງເຊີນລາ ນຳເອົາຂັ້ນຕອນທີ່ມີເງື່ອນໄຂທັງໝົດ ຂຶ້ນສູ່ການບໍລິການສາທາລະນະອອນລາຍຄົບວົງຈອນ",
    ),
    lead=T(
        "Người dân và doanh nghiệp có thể nộp hồ sơ, thanh toán phí và nhận kết quả hoàn toàn qua mạng đối "
        "với 1.160 thủ tục hành chính.",
        "Citizens and businesses can now apply, pay fees and receive the result entirely online for 1,160 "
        "administrative procedures.",
        "ປະຊາຊົນ ແລະ ວິສາຫະກິດ ສາມາດຍື່ນເອກະສານ, ຊຳລະຄ່າທຳນຽມ ແລະ ຮັບຜົນໄດ້ທາງອອນລາຍທັງໝົດ "
        "ສຳລັບຂັ້ນຕອນບໍລິຫານ 1.160 ຂັ້ນຕອນ.",
    ),
    published_at=vietnam_time(2025, 11, 5, 15, 10),
    author=T("Lò Thị Mai", "Lo Thi Mai", "ໂລ ທິ ໄມ"),
    tags=(tags.ONLINE_SERVICES, tags.ADMIN_REFORM, tags.DIGITAL),
    related=("par_index",),
    body=(
        Paragraph(
            T(
                "Theo Văn phòng Ủy ban nhân dân tỉnh, tỷ lệ hồ sơ nộp trực tuyến năm 2025 đạt hơn 65%, tăng "
                "gần gấp đôi so với năm trước.",
                "According to the Office of the provincial People’s Committee, more than 65% of applications "
                "in 2025 were filed online, nearly twice the share of the previous year.",
                "ອີງຕາມຫ້ອງວ່າການຄະນະກຳມະການປະຊາຊົນແຂວງ, ອັດຕາເອກະສານທີ່ຍື່ນທາງອອນລາຍ ໃນປີ 2025 ບັນລຸຫຼາຍກວ່າ "
                "65%, ເພີ່ມຂຶ້ນເກືອບສອງເທົ່າ ທຽບກັບປີກ່ອນ.",
            ),
        ),
        Heading(T("Hỗ trợ người dân vùng cao", "Help for people in the highlands", "ການຊ່ວຍເຫຼືອປະຊາຊົນເຂດພູດອຍ")),
        Paragraph(
            T(
                "Tại các xã vùng cao, tổ công nghệ số cộng đồng hướng dẫn người dân tạo tài khoản định danh "
                "điện tử và nộp hồ sơ bằng điện thoại.",
                "In highland communes, community digital teams help residents create electronic identity "
                "accounts and file applications by phone.",
                "ຢູ່ບັນດາຕາແສງເຂດພູດອຍ, ທີມງານເຕັກໂນໂລຊີດິຈິຕອນຊຸມຊົນ ແນະນຳປະຊາຊົນສ້າງບັນຊີຢັ້ງຢືນຕົວຕົນ"
                "ເອເລັກໂຕຣນິກ ແລະ ຍື່ນເອກະສານຜ່ານໂທລະສັບ.",
            ),
        ),
        DocumentLink(
            document="online_services",
            title=T(
                "Danh mục dịch vụ công trực tuyến toàn trình năm 2025 (tệp văn bản)",
                "List of end-to-end online public services, 2025 (text file)",
                "ລາຍການບໍລິການສາທາລະນະອອນລາຍຄົບວົງຈອນ ປີ 2025 (ໄຟລ໌ຂໍ້ຄວາມ)",
            ),
        ),
        Quote(
            text=T(
                "Trước đây tôi mất cả ngày đi xuống huyện, nay chỉ cần chiếc điện thoại.",
                "I used to lose a whole day travelling to the district; now all I need is my phone.",
                "ແຕ່ກ່ອນຂ້ອຍເສຍເວລາໝົດມື້ ເພື່ອເດີນທາງລົງເມືອງ, ດຽວນີ້ໃຊ້ພຽງແຕ່ໂທລະສັບເທົ່ານັ້ນ.",
            ),
            attribution=T(
                "Một người dân xã Chiềng Hặc",
                "A resident of Chieng Hac commune",
                "ປະຊາຊົນຄົນໜຶ່ງ ຢູ່ຕາແສງຈຽງຮັກ",
            ),
        ),
    ),
)
