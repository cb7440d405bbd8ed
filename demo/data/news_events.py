"""Tin tức - Sự kiện (News and events): the section and its first two articles."""

from ..schema import (
    Article,
    Bullets,
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
    key="news",
    slug=slugs("tin-tuc-su-kien", "news-and-events"),
    title=T("Tin tức - Sự kiện", "News and events", "ຂ່າວສານ - ເຫດການ"),
    intro=T(
        "Tin hoạt động của tỉnh, các sự kiện văn hóa, du lịch và kinh tế nổi bật tại Sơn La.",
        "News of the province’s work and the main cultural, tourism and economic events in Son La.",
        "ຂ່າວການເຄື່ອນໄຫວຂອງແຂວງ ແລະ ເຫດການສຳຄັນດ້ານວັດທະນະທຳ, ການທ່ອງທ່ຽວ ແລະ ເສດຖະກິດ ຢູ່ແຂວງເຊີນລາ.",
    ),
)

BAN_FESTIVAL_2026 = Article(
    key="ban_festival_2026",
    slug=slugs(
        "khai-mac-le-hoi-hoa-ban-tinh-son-la-nam-2026",
        "son-la-ban-flower-festival-2026-opens",
    ),
    title=T(
        "Khai mạc Lễ hội Hoa Ban tỉnh Sơn La năm 2026",
        "Son La’s Ban Flower Festival 2026 opens",
        "ເປີດບຸນດອກບານ ແຂວງເຊີນລາ ປີ 2026",
    ),
    lead=T(
        "Tối 08/3, tại Quảng trường Tây Bắc, lễ hội Hoa Ban năm 2026 khai mạc với chương trình nghệ thuật "
        "của các dân tộc Thái, H’Mông, Mường và đoàn nghệ thuật tỉnh Hủa Phăn (Lào).",
        "On the evening of 8 March, the 2026 Ban Flower Festival opened on North-West Square with "
        "performances by Thai, H’Mong and Muong artists and a troupe from Houaphanh province (Laos).",
        "ໃນຕອນຄ່ຳວັນທີ 8 ມີນາ, ຢູ່ເດີ່ນຕາເວັນຕົກສ່ຽງເໜືອ, ບຸນດອກບານ ປີ 2026 ໄດ້ເປີດຂຶ້ນ ດ້ວຍການສະແດງ"
        "ສິລະປະຂອງຊົນເຜົ່າໄທ, ມົ້ງ, ເມື່ອງ ແລະ ຄະນະສິລະປິນແຂວງຫົວພັນ (ລາວ).",
    ),
    published_at=vietnam_time(2026, 3, 8, 21, 35),
    author=T("Lường Văn Thắng", "Luong Van Thang", "ເລືອງ ວັນ ທັງ"),
    tags=(tags.FESTIVAL, tags.TOURISM, tags.LAOS),
    image="blossoms",
    image_alt=T(
        "Tranh minh họa những cành hoa ban trắng trước dãy núi xa",
        "Illustration of branches of white ban flowers in front of distant mountains",
        "ຮູບແຕ້ມກິ່ງດອກບານສີຂາວ ຢູ່ທາງໜ້າທິວພູທີ່ຫ່າງໄກ",
    ),
    image_caption=T(
        "Hoa ban nở trắng núi rừng Tây Bắc (tranh minh họa)",
        "Ban flowers whiten the north-western hills (illustration)",
        "ດອກບານບານຂາວທົ່ວປ່າພູ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("houaphanh_2026",),
    body=(
        Paragraph(
            T(
                "Lễ hội diễn ra trong ba ngày với hội chợ nông sản, thi ẩm thực các dân tộc và trình diễn "
                "trang phục truyền thống.",
                "The three-day festival includes a farm produce fair, an ethnic food contest and a show of "
                "traditional costumes.",
                "ບຸນດັ່ງກ່າວ ຈັດຂຶ້ນເປັນເວລາສາມວັນ ມີງານວາງສະແດງຜະລິດຕະພັນກະສິກຳ, ການແຂ່ງຂັນອາຫານພື້ນເມືອງ"
                "ຂອງຊົນເຜົ່າ ແລະ ການສະແດງເຄື່ອງນຸ່ງພື້ນເມືອງ.",
            ),
        ),
        Heading(T("Chương trình chính", "Main events", "ລາຍການຫຼັກ")),
        Table(
            caption=T(
                "Lịch các hoạt động chính của lễ hội",
                "Timetable of the festival’s main events",
                "ຕາຕະລາງກິດຈະກຳຫຼັກຂອງບຸນ",
            ),
            rows=(
                (T("Ngày", "Date", "ວັນທີ"), T("Hoạt động", "Event", "ກິດຈະກຳ")),
                (T("08/3", "8 March", "8 ມີນາ"), T("Lễ khai mạc", "Opening ceremony", "ພິທີເປີດ")),
                (
                    T("09/3", "9 March", "9 ມີນາ"),
                    T("Thi ẩm thực các dân tộc", "Ethnic food contest", "ການແຂ່ງຂັນອາຫານພື້ນເມືອງ"),
                ),
                (
                    T("10/3", "10 March", "10 ມີນາ"),
                    T("Giao lưu văn nghệ Việt Nam - Lào", "Vietnam-Laos cultural exchange", "ງານແລກປ່ຽນສິລະປະ ຫວຽດນາມ - ລາວ"),
                ),
            ),
        ),
        Paragraph(
            T(
                "Ban tổ chức khuyến nghị du khách:",
                "The organisers advise visitors to:",
                "ຄະນະຈັດງານ ແນະນຳນັກທ່ອງທ່ຽວ ດັ່ງນີ້:",
            ),
            Bullets(
                (
                    T(
                        "đặt phòng sớm vì lượng khách tăng cao;",
                        "book rooms early, as many visitors are expected;",
                        "ຈອງຫ້ອງພັກລ່ວງໜ້າ ເພາະຄາດວ່າຈະມີນັກທ່ອງທ່ຽວຫຼາຍ;",
                    ),
                    T(
                        "không bẻ cành hoa ban;",
                        "leave the ban blossoms on the trees;",
                        "ບໍ່ຫັກກິ່ງດອກບານ;",
                    ),
                    T(
                        "sử dụng xe buýt miễn phí từ bến xe tới quảng trường.",
                        "use the free bus from the coach station to the square.",
                        "ນຳໃຊ້ລົດເມບໍລິການຟຣີ ຈາກສະຖານີລົດໂດຍສານໄປຫາເດີ່ນ.",
                    ),
                )
            ),
        ),
    ),
)

TEA_EXPORT_2026 = Article(
    key="tea_export_2026",
    slug=slugs(
        "che-moc-chau-mo-rong-thi-truong-xuat-khau",
        "moc-chau-tea-reaches-new-export-markets",
    ),
    title=T(
        "Chè Mộc Châu mở rộng thị trường xuất khẩu",
        "Moc Chau tea reaches new export markets",
        "ຊາມົກເຈົາ ຂະຫຍາຍຕະຫຼາດສົ່ງອອກ",
    ),
    lead=T(
        "Mười tháng năm 2026, các doanh nghiệp chè trên cao nguyên Mộc Châu xuất khẩu gần 9.000 tấn "
        "chè khô, trong đó lần đầu có lô hàng chè ô long sang thị trường châu Âu.",
        "In the first ten months of 2026, tea companies on the Moc Chau plateau exported nearly 9,000 "
        "tonnes of dried tea, including a first shipment of oolong to Europe.",
        "ໃນສິບເດືອນຂອງປີ 2026, ບັນດາວິສາຫະກິດຊາ ຢູ່ພູພຽງມົກເຈົາ ໄດ້ສົ່ງອອກຊາແຫ້ງເກືອບ 9.000 ໂຕນ, "
        "ໃນນັ້ນ ມີການສົ່ງຊາອູລົງໄປຕະຫຼາດເອີຣົບ ເປັນຄັ້ງທຳອິດ.",
    ),
    published_at=vietnam_time(2026, 10, 22, 13, 25),
    author=T("Hà Minh Đức", "Ha Minh Duc", "ຮ່າ ມິງ ດຶກ"),
    tags=(tags.AGRICULTURE, tags.MOC_CHAU),
    image="tea",
    image_alt=T(
        "Tranh minh họa đồi chè xanh xếp tầng dưới chân núi",
        "Illustration of green terraced tea hills at the foot of a mountain",
        "ຮູບແຕ້ມເນີນຊາສີຂຽວເປັນຂັ້ນໆ ຢູ່ຕີນພູ",
    ),
    image_caption=T(
        "Đồi chè trên cao nguyên Mộc Châu (tranh minh họa)",
        "Tea hills on the Moc Chau plateau (illustration)",
        "ເນີນຊາ ຢູ່ພູພຽງມົກເຈົາ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("luang_prabang_2025",),
    body=(
        Paragraph(
            T(
                "Để đáp ứng yêu cầu của các thị trường khó tính, nhiều hợp tác xã đã chuyển sang sản xuất "
                "theo tiêu chuẩn hữu cơ và truy xuất nguồn gốc bằng mã QR.",
                "To meet the demands of strict markets, many cooperatives have switched to organic "
                "production and trace every batch with QR codes.",
                "ເພື່ອຕອບສະໜອງຄວາມຕ້ອງການຂອງຕະຫຼາດທີ່ເຂັ້ມງວດ, ສະຫະກອນຫຼາຍແຫ່ງ ໄດ້ປ່ຽນມາຜະລິດຕາມມາດຕະຖານ"
                "ກະສິກຳອິນຊີ ແລະ ກວດສອບແຫຼ່ງທີ່ມາດ້ວຍລະຫັດ QR.",
            ),
        ),
        Heading(T("Thương hiệu chung", "A shared brand", "ຍີ່ຫໍ້ຮ່ວມກັນ")),
        Paragraph(
            T(
                "Tỉnh hỗ trợ đăng ký chỉ dẫn địa lý và quảng bá chè Mộc Châu tại các hội chợ quốc tế.",
                "The province helps register a geographical indication and promotes Moc Chau tea at "
                "international fairs.",
                "ແຂວງ ໃຫ້ການຊ່ວຍເຫຼືອໃນການຂຶ້ນທະບຽນສິ່ງບົ່ງບອກທາງພູມສາດ ແລະ ໂຄສະນາຊາມົກເຈົາ "
                "ຢູ່ງານວາງສະແດງສາກົນ.",
            ),
        ),
        Quote(
            text=T(
                "Chè sạch là con đường duy nhất để giữ khách hàng lâu dài.",
                "Clean tea is the only way to keep customers for the long term.",
                "ຊາສະອາດ ແມ່ນເສັ້ນທາງດຽວ ທີ່ຈະຮັກສາລູກຄ້າໄວ້ໄດ້ໃນໄລຍະຍາວ.",
            ),
            attribution=T(
                "Giám đốc một hợp tác xã chè ở Mộc Châu",
                "Director of a tea cooperative in Moc Chau",
                "ຜູ້ອຳນວຍການສະຫະກອນຊາແຫ່ງໜຶ່ງ ຢູ່ມົກເຈົາ",
            ),
        ),
    ),
)
