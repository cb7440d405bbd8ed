"""Who runs the portal, its pictures and documents, the home page and the plain content pages."""

import datetime

from ..schema import (
    Bullets,
    ContentPage,
    DocumentSpec,
    Figure,
    Heading,
    Identity,
    ImageSpec,
    Paragraph,
    Picture,
    Statistics,
    T,
    Table,
    slugs,
)

IDENTITY = Identity(
    portal_name=T(
        "Cổng thông tin điện tử tỉnh Sơn La",
        "Son La Province Web Portal",
        "ປະຕູຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ແຂວງເຊີນລາ",
    ),
    agency_name=T(
        "Ủy ban nhân dân tỉnh Sơn La",
        "People’s Committee of Son La Province",
        "ຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ",
    ),
    address=T(
        "Số 1 đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La, Việt Nam",
        "1 To Hieu Street, To Hieu Ward, Son La Province, Vietnam",
        "ເລກທີ 1 ຖະໜົນໂຕຫ້ຽວ, ແຂວງເຊີນລາ, ສາທາລະນະລັດສັງຄົມນິຍົມຫວຽດນາມ",
    ),
    phone=T("0212 3852 126", "+84 212 3852 126", "+84 212 3852 126"),
    email="congthongtin@sonla.gov.vn",
    editor_in_charge=T(
        "Chánh Văn phòng Ủy ban nhân dân tỉnh Sơn La",
        "Chief of Office, People’s Committee of Son La Province",
        "ຫົວໜ້າຫ້ອງວ່າການ ຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ",
    ),
    licence=T(
        "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Sơn La cấp ngày 15/3/2024. "
        "Ghi rõ nguồn khi phát hành lại thông tin từ Cổng.",
        "Licence No. 12/GP-TTDT issued by the Son La Department of Information and Communications "
        "on 15 March 2024. Please credit the portal when republishing its content.",
        "ໃບອະນຸຍາດເລກທີ 12/GP-TTDT ອອກໂດຍພະແນກຂໍ້ມູນຂ່າວສານ ແລະ ການສື່ສານ ແຂວງເຊີນລາ ວັນທີ 15/3/2024. "
        "ກະລຸນາອ້າງອີງແຫຼ່ງທີ່ມາ ເມື່ອນຳເນື້ອຫາຈາກປະຕູນີ້ໄປເຜີຍແຜ່ຄືນ.",
    ),
)

# The old portal's visit counter when the demo was made ("Tổng số lượt truy
# cập: 51827387"): the demo's total continues from it, as a province's would.
OLD_PORTAL_VISIT_TOTAL = 51_827_387

# Titles are in Vietnamese, the editors' language: images are shared by all three languages
# (alt text, stored with each page, is translated). home migration 0004 renames older titles.
IMAGES = (
    ImageSpec("conference", "Ảnh minh họa: hội trường hội nghị", "conference_hall", 2017),
    ImageSpec("border", "Ảnh minh họa: đường biên giới", "border_road", 11),
    ImageSpec("lake", "Ảnh minh họa: núi và hồ thủy điện", "mountains_lake", 7),
    ImageSpec("tea", "Ảnh minh họa: đồi chè", "terraced_hills", 3),
    ImageSpec("blossoms", "Ảnh minh họa: hoa ban", "blossoms", 5),
    ImageSpec("orchard", "Ảnh minh họa: vườn cây ăn quả", "orchard", 9),
)

DOCUMENTS = (
    DocumentSpec(
        key="cooperation_plan",
        title="Son La - Houaphanh cooperation plan 2026 (demo document)",
        filename="son-la-houaphanh-cooperation-plan-2026.txt",
        text=(
            "KẾ HOẠCH HỢP TÁC NĂM 2026 GIỮA TỈNH SƠN LA VÀ TỈNH HỦA PHĂN (tài liệu mẫu)\n"
            "SON LA - HOUAPHANH COOPERATION PLAN 2026 (demo document)\n\n"
            "1. Quản lý biên giới, cửa khẩu / Border and border-gate management\n"
            "2. Giáo dục, đào tạo / Education and training\n"
            "3. Y tế / Health care\n"
            "4. Nông nghiệp, thương mại / Agriculture and trade\n"
            "5. Thông tin đối ngoại / Foreign information\n"
        ),
    ),
    DocumentSpec(
        key="online_services",
        title="List of end-to-end online public services 2025 (demo document)",
        filename="son-la-online-public-services-2025.txt",
        text=(
            "DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH NĂM 2025 (tài liệu mẫu)\n"
            "LIST OF END-TO-END ONLINE PUBLIC SERVICES 2025 (demo document)\n\n"
            "- Đăng ký hộ kinh doanh / Household business registration\n"
            "- Cấp phiếu lý lịch tư pháp / Criminal record certificates\n"
            "- Cấp giấy phép xây dựng nhà ở riêng lẻ / Building permits for private homes\n"
        ),
    ),
)

KEY_FIGURES = Statistics(
    heading=T("Sơn La qua những con số", "Son La in figures", "ສະຖິຕິຫຼັກຂອງແຂວງເຊີນລາ"),
    figures=(
        Figure(
            value="14120",
            unit="km²",
            label=T("Diện tích tự nhiên", "Total area", "ເນື້ອທີ່ທັງໝົດ"),
            source=T(
                "Niên giám thống kê tỉnh Sơn La",
                "Son La Statistical Yearbook",
                "ປຶ້ມສະຖິຕິປະຈຳປີ ແຂວງເຊີນລາ",
            ),
            as_of=datetime.date(2024, 1, 1),
        ),
        Figure(
            value="1248415",
            unit=T("người", "people", "ຄົນ"),
            label=T("Dân số", "Population", "ພົນລະເມືອງ"),
            source=T(
                "Tổng điều tra dân số và nhà ở năm 2019",
                "2019 Population and Housing Census",
                "ການສຳຫຼວດພົນລະເມືອງ ແລະ ທີ່ຢູ່ອາໄສ ປີ 2019",
            ),
            as_of=datetime.date(2019, 4, 1),
        ),
        Figure(
            value="12",
            unit=T("dân tộc", "groups", "ຊົນເຜົ່າ"),
            label=T("Các dân tộc cùng sinh sống", "Ethnic groups", "ຊົນເຜົ່າທີ່ອາໄສຢູ່ໃນແຂວງ"),
            source=T(
                "Tổng điều tra dân số và nhà ở năm 2019",
                "2019 Population and Housing Census",
                "ການສຳຫຼວດພົນລະເມືອງ ແລະ ທີ່ຢູ່ອາໄສ ປີ 2019",
            ),
            as_of=datetime.date(2019, 4, 1),
        ),
        Figure(
            value="54",
            unit="%",
            label=T(
                "Người Thái trong dân số (xấp xỉ)",
                "Thai people in the population (approximately)",
                "ຊາວໄທ ໃນຈຳນວນພົນລະເມືອງ (ປະມານ)",
            ),
            source=T(
                "Tổng điều tra dân số và nhà ở năm 2019",
                "2019 Population and Housing Census",
                "ການສຳຫຼວດພົນລະເມືອງ ແລະ ທີ່ຢູ່ອາໄສ ປີ 2019",
            ),
            as_of=datetime.date(2019, 4, 1),
        ),
    ),
)

HOME_SLUG = T("trang-chu", "home", "home-lao")
HOME_TITLE = T("Trang chủ", "Home", "ໜ້າຫຼັກ")
# The welcome under the portal's name (the home page's heading): who speaks
# here, to whom, and in which languages.
HOME_INTRO = T(
    "Kênh thông tin chính thức của Ủy ban nhân dân tỉnh Sơn La. Tại đây người dân, doanh nghiệp và "
    "bạn bè quốc tế, nhất là nhân dân các tỉnh Bắc Lào láng giềng, tìm thấy tin tức của tỉnh, chỉ đạo "
    "điều hành, kết quả cải cách hành chính và thông tin đối ngoại. Bài viết được đăng bằng tiếng Việt, "
    "kèm bản dịch tiếng Anh và tiếng Lào.",
    "The official voice of the People’s Committee of Son La Province. Residents, businesses and friends "
    "abroad, above all our neighbours in the provinces of northern Laos, find here the province’s news, "
    "its decisions, the progress of administrative reform and foreign information. Articles appear in "
    "Vietnamese, with English and Lao translations.",
    "ຊ່ອງທາງຂໍ້ມູນຂ່າວສານທາງການ ຂອງຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ. ປະຊາຊົນ, ວິສາຫະກິດ ແລະ "
    "ມິດສະຫາຍສາກົນ ໂດຍສະເພາະແມ່ນປະຊາຊົນບັນດາແຂວງພາກເໜືອຂອງລາວທີ່ເປັນບ້ານໃກ້ເຮືອນຄຽງ ສາມາດຕິດຕາມ "
    "ຂ່າວສານຂອງແຂວງ, ການຊີ້ນຳ-ບໍລິຫານ, ຜົນຂອງການປະຕິຮູບບໍລິຫານ ແລະ ຂໍ້ມູນຂ່າວສານດ້ານການຕ່າງປະເທດ ໄດ້ທີ່ນີ້. "
    "ບົດຂ່າວຖືກເຜີຍແຜ່ເປັນພາສາຫວຽດນາມ ພ້ອມດ້ວຍສະບັບແປເປັນພາສາອັງກິດ ແລະ ພາສາລາວ.",
)
HOME_BODY = (KEY_FIGURES,)

INTRODUCTION = ContentPage(
    key="introduction",
    slug=slugs("gioi-thieu", "introduction"),
    title=T("Giới thiệu", "Introduction", "ແນະນຳແຂວງເຊີນລາ"),
    intro=T(
        "Sơn La là tỉnh miền núi vùng Tây Bắc Việt Nam, có đường biên giới chung với nước Cộng hòa "
        "Dân chủ Nhân dân Lào.",
        "Son La is a mountainous province in north-western Vietnam that shares a border with the "
        "Lao People’s Democratic Republic.",
        "ແຂວງເຊີນລາ ເປັນແຂວງເຂດພູດອຍ ທາງພາກຕາເວັນຕົກສ່ຽງເໜືອຂອງຫວຽດນາມ ມີຊາຍແດນຕິດກັບ "
        "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ.",
    ),
    body=(
        Heading(T("Vị trí địa lý", "Location", "ທີ່ຕັ້ງພູມສັນຖານ")),
        Paragraph(
            T(
                "Tỉnh có diện tích tự nhiên khoảng 14.120 km², phía nam giáp các tỉnh Hủa Phăn và "
                "Luông Pha Bang của Lào. Địa hình chủ yếu là đồi núi cao, xen kẽ các cao nguyên Mộc Châu "
                "và Nà Sản.",
                "The province covers about 14,120 km². To the south it borders the Lao provinces of "
                "Houaphanh and Luang Prabang. The land is mostly high hills and mountains, with the Moc Chau "
                "and Na San plateaus between them.",
                "ແຂວງມີເນື້ອທີ່ປະມານ 14.120 ກມ², ທາງທິດໃຕ້ຕິດກັບແຂວງຫົວພັນ ແລະ ແຂວງຫຼວງພະບາງ ຂອງລາວ. "
                "ພູມສັນຖານສ່ວນໃຫຍ່ເປັນພູສູງ ສະລັບກັບພູພຽງມົກເຈົາ ແລະ ພູພຽງນາສ້ານ.",
            ),
        ),
        Picture(
            image="lake",
            alt=T(
                "Tranh minh họa dãy núi xanh bên hồ nước lúc hoàng hôn",
                "Illustration of blue mountain ranges beside a lake at sunset",
                "ຮູບແຕ້ມທິວພູສີຟ້າ ຢູ່ຂ້າງໜອງນ້ຳ ໃນຍາມຕາເວັນຕົກດິນ",
            ),
            caption=T(
                "Hồ thủy điện Sơn La giữa núi rừng Tây Bắc (tranh minh họa)",
                "The Son La reservoir among the mountains of the north-west (illustration)",
                "ອ່າງເກັບນ້ຳເຂື່ອນໄຟຟ້າເຊີນລາ ທ່າມກາງປ່າພູ (ຮູບແຕ້ມປະກອບ)",
            ),
        ),
        Heading(T("Dân cư và dân tộc", "People", "ພົນລະເມືອງ ແລະ ຊົນເຜົ່າ")),
        Paragraph(
            T(
                "Theo Tổng điều tra dân số năm 2019, Sơn La có 1.248.415 người thuộc 12 dân tộc cùng sinh "
                "sống, trong đó người Thái chiếm khoảng 54%, tiếp đến là người Kinh, H’Mông, Mường và các "
                "dân tộc khác.",
                "According to the 2019 census, Son La has 1,248,415 inhabitants from 12 ethnic groups. Thai "
                "people make up about 54%, followed by the Kinh, H’Mong, Muong and other groups.",
                "ອີງຕາມການສຳຫຼວດພົນລະເມືອງ ປີ 2019, ແຂວງເຊີນລາ ມີພົນລະເມືອງ 1.248.415 ຄົນ ຈາກ 12 ຊົນເຜົ່າ, "
                "ໃນນັ້ນ ຊາວໄທ ກວມເອົາປະມານ 54%, ຕໍ່ມາແມ່ນຊາວກິງ, ມົ້ງ, ເມື່ອງ ແລະ ຊົນເຜົ່າອື່ນໆ.",
            ),
        ),
        Heading(T("Về Cổng thông tin", "About this portal", "ກ່ຽວກັບປະຕູຂໍ້ມູນຂ່າວສານ")),
        Paragraph(
            T(
                "Cổng thông tin điện tử là kênh chính thức của Ủy ban nhân dân tỉnh để:",
                "The web portal is the official channel of the provincial People’s Committee for:",
                "ປະຕູຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ເປັນຊ່ອງທາງທາງການຂອງຄະນະກຳມະການປະຊາຊົນແຂວງ ເພື່ອ:",
            ),
            Bullets(
                (
                    T(
                        "đăng tải tin tức, sự kiện và văn bản chỉ đạo, điều hành;",
                        "news, events and the province’s directives;",
                        "ເຜີຍແຜ່ຂ່າວສານ, ເຫດການ ແລະ ເອກະສານຊີ້ນຳ;",
                    ),
                    T(
                        "cung cấp thông tin đối ngoại cho bạn đọc trong và ngoài nước;",
                        "foreign information for readers at home and abroad;",
                        "ສະໜອງຂໍ້ມູນຂ່າວສານດ້ານການຕ່າງປະເທດ ໃຫ້ແກ່ຜູ້ອ່ານພາຍໃນ ແລະ ຕ່າງປະເທດ;",
                    ),
                    T(
                        "công khai kết quả cải cách hành chính và dịch vụ công trực tuyến.",
                        "publishing administrative reform results and online public services.",
                        "ເປີດເຜີຍຜົນຂອງການປະຕິຮູບບໍລິຫານ ແລະ ການບໍລິການສາທາລະນະອອນລາຍ.",
                    ),
                )
            ),
        ),
    ),
    show_in_menus=True,
)


def _office(name, duties, address, phone, email):
    """Heading, duties and contact list of one agency."""
    return (
        Heading(name),
        Paragraph(
            duties,
            Bullets(
                (
                    T(f"Địa chỉ: {address.vi}", f"Address: {address.en}", f"ທີ່ຢູ່: {address.lo}"),
                    T(f"Điện thoại: {phone.vi}", f"Phone: {phone.en}", f"ໂທລະສັບ: {phone.lo}"),
                    T(f"Thư điện tử: {email}", f"Email: {email}", f"ອີເມວ: {email}"),
                )
            ),
        ),
    )


ORGANISATION = ContentPage(
    key="organisation",
    slug=slugs("co-cau-to-chuc-va-lien-he", "organisation-and-contacts"),
    title=T(
        "Cơ cấu tổ chức và liên hệ",
        "Organisation and contacts",
        "ໂຄງປະກອບການຈັດຕັ້ງ ແລະ ການຕິດຕໍ່",
    ),
    intro=T(
        "Chức năng, nhiệm vụ và thông tin liên hệ của các cơ quan phụ trách Cổng thông tin và công tác "
        "đối ngoại của tỉnh.",
        "Functions, duties and contact details of the agencies in charge of the portal and of the "
        "province’s foreign relations.",
        "ພາລະບົດບາດ, ໜ້າທີ່ ແລະ ຂໍ້ມູນການຕິດຕໍ່ ຂອງບັນດາອົງການ ທີ່ຮັບຜິດຊອບປະຕູຂໍ້ມູນຂ່າວສານ "
        "ແລະ ວຽກງານການຕ່າງປະເທດຂອງແຂວງ.",
    ),
    body=(
        *_office(
            T(
                "Ủy ban nhân dân tỉnh Sơn La",
                "People’s Committee of Son La Province",
                "ຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ",
            ),
            T(
                "Cơ quan hành chính nhà nước cao nhất của tỉnh, chủ quản Cổng thông tin điện tử.",
                "The highest state administrative body of the province and owner of this portal.",
                "ອົງການບໍລິຫານລັດສູງສຸດຂອງແຂວງ ແລະ ເປັນເຈົ້າຂອງປະຕູຂໍ້ມູນຂ່າວສານນີ້.",
            ),
            T(
                "Số 1 đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La",
                "1 To Hieu Street, To Hieu Ward, Son La Province",
                "ເລກທີ 1 ຖະໜົນໂຕຫ້ຽວ, ແຂວງເຊີນລາ",
            ),
            T("0212 3852 126", "+84 212 3852 126", "+84 212 3852 126"),
            "ubnd@sonla.gov.vn",
        ),
        *_office(
            T("Sở Ngoại vụ", "Department of Foreign Affairs", "ພະແນກການຕ່າງປະເທດ"),
            T(
                "Tham mưu về hợp tác quốc tế, quản lý biên giới và thông tin đối ngoại; là đầu mối "
                "quan hệ với các tỉnh Bắc Lào.",
                "Advises on international cooperation, border management and foreign information, and "
                "is the contact point for relations with the provinces of northern Laos.",
                "ໃຫ້ຄຳປຶກສາດ້ານການຮ່ວມມືສາກົນ, ການຄຸ້ມຄອງຊາຍແດນ ແລະ ຂໍ້ມູນຂ່າວສານດ້ານການຕ່າງປະເທດ, "
                "ເປັນຈຸດປະສານງານກັບບັນດາແຂວງພາກເໜືອຂອງລາວ.",
            ),
            T(
                "Số 8 đường Chu Văn Thịnh, phường Chiềng Lề, tỉnh Sơn La",
                "8 Chu Van Thinh Street, Chieng Le Ward, Son La Province",
                "ເລກທີ 8 ຖະໜົນຈູວັນທິ້ງ, ແຂວງເຊີນລາ",
            ),
            T("0212 3855 024", "+84 212 3855 024", "+84 212 3855 024"),
            "songoaivu@sonla.gov.vn",
        ),
        *_office(
            T(
                "Sở Thông tin và Truyền thông",
                "Department of Information and Communications",
                "ພະແນກຂໍ້ມູນຂ່າວສານ ແລະ ການສື່ສານ",
            ),
            T(
                "Quản lý báo chí, xuất bản, chuyển đổi số; vận hành kỹ thuật Cổng thông tin điện tử.",
                "Manages the press, publishing and digital transformation, and runs the portal’s "
                "technical platform.",
                "ຄຸ້ມຄອງສື່ມວນຊົນ, ການພິມຈຳໜ່າຍ, ການຫັນເປັນດິຈິຕອນ ແລະ ດູແລລະບົບເຕັກນິກຂອງປະຕູຂໍ້ມູນຂ່າວສານ.",
            ),
            T(
                "Số 12 đường Lò Văn Giá, phường Chiềng Lề, tỉnh Sơn La",
                "12 Lo Van Gia Street, Chieng Le Ward, Son La Province",
                "ເລກທີ 12 ຖະໜົນໂລວັນຢາ, ແຂວງເຊີນລາ",
            ),
            T("0212 3856 688", "+84 212 3856 688", "+84 212 3856 688"),
            "sotttt@sonla.gov.vn",
        ),
        Table(
            caption=T(
                "Đầu mối tiếp nhận ý kiến của bạn đọc",
                "Contact points for readers",
                "ຈຸດຮັບຄຳຄິດເຫັນຂອງຜູ້ອ່ານ",
            ),
            rows=(
                (T("Nội dung", "Subject", "ເລື່ອງ"), T("Thư điện tử", "Email", "ອີເມວ")),
                (
                    T("Tin bài trên Cổng", "Articles on the portal", "ບົດຂ່າວໃນປະຕູຂໍ້ມູນຂ່າວສານ"),
                    "congthongtin@sonla.gov.vn",
                ),
                (
                    T("Hợp tác với các tỉnh của Lào", "Cooperation with Lao provinces", "ການຮ່ວມມືກັບແຂວງຕ່າງໆຂອງລາວ"),
                    "songoaivu@sonla.gov.vn",
                ),
            ),
        ),
    ),
)

ACCESSIBILITY = ContentPage(
    key="accessibility",
    slug=slugs("tuyen-bo-ve-kha-nang-tiep-can", "accessibility-statement"),
    title=T(
        "Tuyên bố về khả năng tiếp cận",
        "Accessibility statement",
        "ຖະແຫຼງການກ່ຽວກັບການເຂົ້າເຖິງ",
    ),
    intro=T(
        "Chúng tôi muốn mọi người, kể cả người khuyết tật, đều đọc được Cổng thông tin.",
        "We want everyone, including people with disabilities, to be able to use this portal.",
        "ພວກເຮົາຕ້ອງການໃຫ້ທຸກຄົນ ລວມທັງຄົນພິການ ສາມາດນຳໃຊ້ປະຕູຂໍ້ມູນຂ່າວສານນີ້ໄດ້.",
    ),
    body=(
        Heading(T("Mục tiêu", "Our target", "ເປົ້າໝາຍ")),
        Paragraph(
            T(
                "Cổng thông tin hướng tới đáp ứng mức AA của Hướng dẫn về khả năng tiếp cận nội dung web "
                "(WCAG) 2.2: có văn bản thay thế cho hình ảnh, tiêu đề rõ ràng, bảng có hàng tiêu đề, "
                "dùng được bằng bàn phím và phóng to chữ.",
                "The portal aims to meet level AA of the Web Content Accessibility Guidelines (WCAG) 2.2: "
                "text alternatives for images, clear headings, tables with header rows, full keyboard use "
                "and text that can be enlarged.",
                "ປະຕູຂໍ້ມູນຂ່າວສານ ມີເປົ້າໝາຍບັນລຸລະດັບ AA ຂອງຄູ່ມືການເຂົ້າເຖິງເນື້ອຫາເວັບ (WCAG) 2.2: "
                "ມີຂໍ້ຄວາມແທນຮູບພາບ, ຫົວຂໍ້ທີ່ຈະແຈ້ງ, ຕາຕະລາງມີແຖວຫົວຂໍ້, ນຳໃຊ້ດ້ວຍແປ້ນພິມໄດ້ ແລະ ຂະຫຍາຍຕົວອັກສອນໄດ້.",
            ),
        ),
        Heading(T("Những hạn chế đã biết", "Known limitations", "ຂໍ້ຈຳກັດທີ່ຮູ້ແລ້ວ")),
        Paragraph(
            Bullets(
                (
                    T(
                        "Một số văn bản cũ chỉ có bản quét, trình đọc màn hình không đọc được.",
                        "Some older documents are scanned images that screen readers cannot read.",
                        "ເອກະສານເກົ່າບາງສະບັບ ເປັນພຽງຮູບສະແກນ ທີ່ໂປຣແກຣມອ່ານໜ້າຈໍອ່ານບໍ່ໄດ້.",
                    ),
                    T(
                        "Tin bài trước năm 2020 có thể thiếu chú thích ảnh.",
                        "Articles from before 2020 may lack image descriptions.",
                        "ບົດຂ່າວກ່ອນປີ 2020 ອາດຈະບໍ່ມີຄຳອະທິບາຍຮູບພາບ.",
                    ),
                    T(
                        "Bản tiếng Lào của một số trang được cập nhật chậm hơn bản tiếng Việt.",
                        "The Lao version of some pages is updated later than the Vietnamese one.",
                        "ສະບັບພາສາລາວຂອງບາງໜ້າ ອາດຖືກປັບປຸງຊ້າກວ່າສະບັບພາສາຫວຽດນາມ.",
                    ),
                )
            ),
        ),
        Heading(T("Báo lỗi và góp ý", "Reporting a problem", "ການແຈ້ງບັນຫາ")),
        Paragraph(
            T(
                "Nếu gặp khó khăn khi sử dụng Cổng, xin gửi thư tới congthongtin@sonla.gov.vn hoặc gọi "
                "0212 3852 126 trong giờ hành chính. Chúng tôi trả lời trong vòng 5 ngày làm việc.",
                "If you have difficulty using the portal, email congthongtin@sonla.gov.vn or call "
                "+84 212 3852 126 during office hours. We reply within 5 working days.",
                "ຖ້າທ່ານມີຄວາມຫຍຸ້ງຍາກໃນການນຳໃຊ້ປະຕູຂໍ້ມູນຂ່າວສານ, ກະລຸນາສົ່ງອີເມວຫາ "
                "congthongtin@sonla.gov.vn ຫຼື ໂທຫາ +84 212 3852 126 ໃນໂມງລັດຖະການ. "
                "ພວກເຮົາຈະຕອບພາຍໃນ 5 ວັນລັດຖະການ.",
            ),
            T(
                "Tuyên bố này được lập ngày 01/10/2026.",
                "This statement was prepared on 1 October 2026.",
                "ຖະແຫຼງການນີ້ ຈັດທຳຂຶ້ນໃນວັນທີ 01/10/2026.",
            ),
        ),
    ),
)
