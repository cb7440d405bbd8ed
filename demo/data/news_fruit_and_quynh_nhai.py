"""Tin tức - Sự kiện (News and events): two more articles."""

import datetime

from ..schema import Article, Figure, Heading, Paragraph, Statistics, T, slugs, vietnam_time
from . import tags

FRUIT_2025 = Article(
    key="fruit_2025",
    slug=slugs(
        "san-luong-cay-an-qua-tinh-son-la-nam-2025",
        "son-la-fruit-harvest-2025",
    ),
    title=T(
        "Sản lượng cây ăn quả của tỉnh năm 2025 ước đạt hơn 700.000 tấn",
        "The province’s 2025 fruit harvest is estimated at more than 700,000 tonnes",
        "ຜົນຜະລິດໝາກໄມ້ຂອງແຂວງ ປີ 2025 ຄາດວ່າຈະບັນລຸຫຼາຍກວ່າ 700.000 ໂຕນ",
    ),
    lead=T(
        "Xoài, nhãn, mận và bơ tiếp tục là những cây trồng chủ lực, giúp nhiều hộ đồng bào vùng cao có "
        "thu nhập ổn định.",
        "Mango, longan, plum and avocado remain the main crops and give many highland families a "
        "steady income.",
        "ໝາກມ່ວງ, ໝາກລຳໄຍ, ໝາກມັງ ແລະ ໝາກອາໂວກາໂດ ຍັງຄົງເປັນພືດຫຼັກ ທີ່ຊ່ວຍໃຫ້ຫຼາຍຄອບຄົວ"
        "ຢູ່ເຂດພູດອຍ ມີລາຍຮັບທີ່ໝັ້ນຄົງ.",
    ),
    published_at=vietnam_time(2025, 7, 3, 16, 45),
    author=T("Lường Văn Thắng", "Luong Van Thang", "ເລືອງ ວັນ ທັງ"),
    tags=(tags.AGRICULTURE, tags.STATISTICS),
    image="orchard",
    image_alt=T(
        "Tranh minh họa những hàng cây ăn quả trĩu quả vàng trên sườn đồi",
        "Illustration of rows of fruit trees heavy with yellow fruit on a hillside",
        "ຮູບແຕ້ມແຖວຕົ້ນໄມ້ທີ່ມີໝາກສີເຫຼືອງດົກ ຢູ່ເທິງເນີນພູ",
    ),
    image_caption=T(
        "Vườn cây ăn quả trên đất dốc (tranh minh họa)",
        "An orchard on sloping land (illustration)",
        "ສວນໝາກໄມ້ ຢູ່ເທິງດິນເປີ້ນພູ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("tea_export_2026",),
    body=(
        Paragraph(
            T(
                "Toàn tỉnh hiện có khoảng 85.000 ha cây ăn quả, phần lớn được trồng trên đất dốc thay cho "
                "cây ngô, góp phần chống xói mòn đất.",
                "The province now has about 85,000 hectares of fruit trees, most of them planted on slopes "
                "that used to grow maize, which helps to prevent soil erosion.",
                "ປັດຈຸບັນ ທົ່ວແຂວງມີສວນໝາກໄມ້ປະມານ 85.000 ເຮັກຕາ, ສ່ວນໃຫຍ່ປູກຢູ່ເທິງດິນເປີ້ນພູ ແທນສາລີ "
                "ເຊິ່ງປະກອບສ່ວນຕ້ານການເຊາະເຈື່ອນຂອງດິນ.",
            ),
        ),
        Statistics(
            heading=T(
                "Cây ăn quả năm 2025",
                "Fruit growing in 2025",
                "ສະຖິຕິການປູກໝາກໄມ້ ປີ 2025",
            ),
            figures=(
                Figure(
                    value="85000",
                    unit="ha",
                    label=T("Diện tích cây ăn quả", "Area under fruit trees", "ເນື້ອທີ່ປູກໝາກໄມ້"),
                    source=T("Sở Nông nghiệp và Môi trường tỉnh Sơn La", "Son La Department of Agriculture and Environment", "ພະແນກກະສິກຳ ແລະ ສິ່ງແວດລ້ອມ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 6, 30),
                ),
                Figure(
                    value="720000",
                    unit=T("tấn", "tonnes", "ໂຕນ"),
                    label=T("Sản lượng ước tính", "Estimated harvest", "ຜົນຜະລິດໂດຍຄາດຄະເນ"),
                    source=T("Sở Nông nghiệp và Môi trường tỉnh Sơn La", "Son La Department of Agriculture and Environment", "ພະແນກກະສິກຳ ແລະ ສິ່ງແວດລ້ອມ ແຂວງເຊີນລາ"),
                    as_of=datetime.date(2025, 6, 30),
                ),
            ),
        ),
        Heading(T("Tiêu thụ sản phẩm", "Selling the harvest", "ການຈຳໜ່າຍຜະລິດຕະພັນ")),
        Paragraph(
            T(
                "Tỉnh tổ chức tuần lễ quảng bá nông sản tại Hà Nội và kết nối doanh nghiệp xuất khẩu xoài, "
                "nhãn sấy sang Trung Quốc, Hàn Quốc và Ô-xtrây-li-a.",
                "The province holds a farm produce week in Hanoi and links growers with companies that "
                "export mango and dried longan to China, South Korea and Australia.",
                "ແຂວງ ໄດ້ຈັດອາທິດໂຄສະນາຜະລິດຕະພັນກະສິກຳ ຢູ່ນະຄອນຫຼວງຮ່າໂນ້ຍ ແລະ ເຊື່ອມຕໍ່ກັບວິສາຫະກິດ"
                "ທີ່ສົ່ງອອກໝາກມ່ວງ ແລະ ລຳໄຍຕາກແຫ້ງ ໄປຈີນ, ເກົາຫຼີໃຕ້ ແລະ ອົດສະຕຣາລີ.",
            ),
        ),
    ),
)

QUYNH_NHAI_2026 = Article(
    key="quynh_nhai_2026",
    slug=slugs(
        "du-lich-long-ho-quynh-nhai-hut-khach-dip-he",
        "quynh-nhai-reservoir-tourism-draws-summer-visitors",
    ),
    title=T(
        "Du lịch lòng hồ Quỳnh Nhai hút khách dịp hè",
        "Quynh Nhai reservoir tourism draws summer visitors",
        "ການທ່ອງທ່ຽວອ່າງເກັບນ້ຳກວິ່ງຍາຍ ດຶງດູດນັກທ່ອງທ່ຽວໃນລະດູຮ້ອນ",
    ),
    lead=T(
        "Những chuyến thuyền ngắm cảnh, homestay của người Thái và các món cá hồ đang đưa vùng lòng hồ "
        "thủy điện Sơn La trở thành điểm đến mới của du khách.",
        "Boat trips, Thai family homestays and lake fish dishes are turning the Son La hydropower "
        "reservoir into a new destination for travellers.",
        "ການລ່ອງເຮືອຊົມທິວທັດ, ເຮືອນພັກຂອງຊາວໄທ ແລະ ອາຫານປາອ່າງ ກຳລັງເຮັດໃຫ້ເຂດອ່າງເກັບນ້ຳເຂື່ອນໄຟຟ້າ"
        "ເຊີນລາ ກາຍເປັນຈຸດໝາຍປາຍທາງໃໝ່ຂອງນັກທ່ອງທ່ຽວ.",
    ),
    published_at=vietnam_time(2026, 5, 16, 7, 50),
    author=T("Cầm Thị Lan", "Cam Thi Lan", "ກຳ ທິ ລານ"),
    tags=(tags.TOURISM,),
    image="lake",
    image_alt=T(
        "Tranh minh họa mặt hồ gợn sóng giữa các dãy núi lúc chiều tà",
        "Illustration of a rippling lake between mountain ranges in the late afternoon",
        "ຮູບແຕ້ມໜ້ານ້ຳທີ່ເປັນຄື້ນ ລະຫວ່າງທິວພູ ໃນຍາມແລງ",
    ),
    image_caption=T(
        "Lòng hồ thủy điện Sơn La (tranh minh họa)",
        "The Son La hydropower reservoir (illustration)",
        "ອ່າງເກັບນ້ຳເຂື່ອນໄຟຟ້າເຊີນລາ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("ban_festival_2026", "luang_prabang_2025"),
    body=(
        Paragraph(
            T(
                "Sáu tháng đầu năm 2026, khu vực lòng hồ đón khoảng 95.000 lượt khách, tăng 30% so với cùng kỳ.",
                "In the first half of 2026 the reservoir area welcomed about 95,000 visitors, 30% more than a "
                "year earlier.",
                "ໃນຫົກເດືອນຕົ້ນປີ 2026, ເຂດອ່າງເກັບນ້ຳ ໄດ້ຕ້ອນຮັບນັກທ່ອງທ່ຽວປະມານ 95.000 ເທື່ອຄົນ, "
                "ເພີ່ມຂຶ້ນ 30% ທຽບກັບໄລຍະດຽວກັນຂອງປີກາຍ.",
            ),
        ),
        Heading(T("Giữ hồ sạch", "Keeping the lake clean", "ຮັກສາອ່າງເກັບນ້ຳໃຫ້ສະອາດ")),
        Paragraph(
            T(
                "Chính quyền địa phương yêu cầu các cơ sở lưu trú thu gom rác thải và hạn chế đồ nhựa dùng "
                "một lần để giữ môi trường nước trong lành.",
                "Local authorities require guesthouses to collect their waste and cut single-use plastics "
                "to keep the water clean.",
                "ອົງການປົກຄອງທ້ອງຖິ່ນ ກຳນົດໃຫ້ບັນດາສະຖານທີ່ພັກແຮມ ເກັບກຳຂີ້ເຫຍື້ອ ແລະ ຈຳກັດການນຳໃຊ້"
                "ພລາສຕິກແບບໃຊ້ຄັ້ງດຽວ ເພື່ອຮັກສາສິ່ງແວດລ້ອມທາງນ້ຳໃຫ້ສະອາດ.",
            ),
        ),
    ),
)

ARTICLES = (FRUIT_2025, QUYNH_NHAI_2026)
