"""Thông tin đối ngoại (Foreign information): two more articles."""

from ..schema import Article, Bullets, Heading, Paragraph, Quote, T, slugs, vietnam_time
from . import tags

TRAINING_2025 = Article(
    key="training_2025",
    slug=slugs(
        "tap-huan-nghiep-vu-thong-tin-doi-ngoai-nam-2025",
        "foreign-information-training-for-officials-2025",
    ),
    title=T(
        "Tập huấn nghiệp vụ thông tin đối ngoại năm 2025",
        "Foreign information training for officials, 2025",
        "ຝຶກອົບຮົມວິຊາສະເພາະດ້ານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ປີ 2025",
    ),
    lead=T(
        "Hơn 120 cán bộ làm công tác thông tin đối ngoại của các sở, ngành và địa phương tham gia lớp "
        "tập huấn do Sở Ngoại vụ phối hợp với Sở Thông tin và Truyền thông tổ chức.",
        "More than 120 officials working on foreign information in provincial departments and local "
        "authorities took part in a course run by the Department of Foreign Affairs with the Department "
        "of Information and Communications.",
        "ພະນັກງານທີ່ເຮັດວຽກງານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ຫຼາຍກວ່າ 120 ຄົນ ຈາກບັນດາພະແນກການ ແລະ ທ້ອງຖິ່ນ "
        "ໄດ້ເຂົ້າຮ່ວມຊຸດຝຶກອົບຮົມ ທີ່ພະແນກການຕ່າງປະເທດ ສົມທົບກັບພະແນກຂໍ້ມູນຂ່າວສານ ແລະ ການສື່ສານ ຈັດຂຶ້ນ.",
    ),
    published_at=vietnam_time(2025, 6, 12, 8, 15),
    author=T("Quàng Văn Hải", "Quang Van Hai", "ກວາງ ວັນ ໄຮ"),
    tags=(tags.FOREIGN_INFORMATION, tags.TRAINING),
    related=("conference_2017",),
    body=(
        Paragraph(
            T(
                "Trong hai ngày, học viên được hướng dẫn cách viết tin đối ngoại ngắn gọn, chính xác, sử "
                "dụng số liệu có nguồn rõ ràng và chuẩn bị nội dung để dịch sang tiếng Anh, tiếng Lào.",
                "Over two days, participants learned to write short, accurate foreign news, to use figures "
                "with clear sources and to prepare texts for translation into English and Lao.",
                "ໃນໄລຍະສອງວັນ, ຜູ້ເຂົ້າຮ່ວມໄດ້ຮັບການແນະນຳວິທີຂຽນຂ່າວການຕ່າງປະເທດ ໃຫ້ສັ້ນ ແລະ ຖືກຕ້ອງ, "
                "ນຳໃຊ້ຕົວເລກທີ່ມີແຫຼ່ງທີ່ມາຈະແຈ້ງ ແລະ ກະກຽມເນື້ອຫາເພື່ອແປເປັນພາສາອັງກິດ ແລະ ພາສາລາວ.",
            ),
        ),
        Heading(
            T(
                "Học hỏi kinh nghiệm từ tỉnh Đắk Lắk",
                "Learning from Dak Lak province",
                "ຖອດຖອນບົດຮຽນຈາກແຂວງດັກລັກ",
            )
        ),
        Paragraph(
            T(
                "Báo cáo viên của tỉnh Đắk Lắk chia sẻ cách tổ chức chuyên trang đa ngôn ngữ và phối hợp "
                "với các tỉnh Nam Lào, Đông Bắc Campuchia trong trao đổi thông tin.",
                "A speaker from Dak Lak province explained how it runs multilingual pages and exchanges "
                "news with provinces in southern Laos and north-eastern Cambodia.",
                "ວິທະຍາກອນຈາກແຂວງດັກລັກ ໄດ້ແບ່ງປັນປະສົບການໃນການຈັດໜ້າຂ່າວຫຼາຍພາສາ ແລະ ການປະສານງານ "
                "ແລກປ່ຽນຂໍ້ມູນຂ່າວສານ ກັບບັນດາແຂວງພາກໃຕ້ຂອງລາວ ແລະ ພາກຕາເວັນອອກສ່ຽງເໜືອຂອງກຳປູເຈຍ.",
            ),
            Bullets(
                (
                    T(
                        "Mỗi tin đối ngoại cần trả lời rõ: ai, làm gì, ở đâu, khi nào.",
                        "Each foreign news item should say clearly who did what, where and when.",
                        "ຂ່າວການຕ່າງປະເທດແຕ່ລະຂ່າວ ຕ້ອງບອກໃຫ້ຈະແຈ້ງວ່າ ແມ່ນໃຜ, ເຮັດຫຍັງ, ຢູ່ໃສ ແລະ ເມື່ອໃດ.",
                    ),
                    T(
                        "Ảnh đăng tải phải có chú thích và văn bản thay thế.",
                        "Published photos need a caption and alternative text.",
                        "ຮູບພາບທີ່ເຜີຍແຜ່ ຕ້ອງມີຄຳບັນຍາຍ ແລະ ຂໍ້ຄວາມແທນຮູບ.",
                    ),
                )
            ),
        ),
        Quote(
            text=T(
                "Một bản tin tốt bằng tiếng Lào giúp bạn bè bên kia biên giới gần chúng ta hơn.",
                "A good news item in Lao brings our friends across the border closer to us.",
                "ຂ່າວທີ່ດີເປັນພາສາລາວ ຊ່ວຍໃຫ້ເພື່ອນມິດທີ່ຢູ່ອີກຟາກໜຶ່ງຂອງຊາຍແດນ ໃກ້ຊິດກັບພວກເຮົາຫຼາຍຂຶ້ນ.",
            ),
            attribution=T(
                "Giám đốc Sở Ngoại vụ tỉnh Sơn La",
                "Director of the Son La Department of Foreign Affairs",
                "ຫົວໜ້າພະແນກການຕ່າງປະເທດ ແຂວງເຊີນລາ",
            ),
        ),
    ),
)

LUANG_PRABANG_2025 = Article(
    key="luang_prabang_2025",
    slug=slugs(
        "doan-dai-bieu-tinh-luong-pha-bang-tham-va-lam-viec-tai-son-la",
        "luang-prabang-delegation-visits-son-la",
    ),
    title=T(
        "Đoàn đại biểu tỉnh Luông Pha Bang thăm và làm việc tại Sơn La",
        "Luang Prabang delegation visits Son La",
        "ຄະນະຜູ້ແທນແຂວງຫຼວງພະບາງ ຢ້ຽມຢາມ ແລະ ເຮັດວຽກຢູ່ແຂວງເຊີນລາ",
    ),
    lead=T(
        "Đoàn đại biểu tỉnh Luông Pha Bang (Lào) đã thăm mô hình trồng cây ăn quả, chè và làng du lịch "
        "cộng đồng tại Mộc Châu, đồng thời trao đổi về hợp tác du lịch giữa hai tỉnh.",
        "A delegation from Luang Prabang (Laos) visited fruit and tea farms and a community tourism "
        "village in Moc Chau, and discussed tourism cooperation between the two provinces.",
        "ຄະນະຜູ້ແທນແຂວງຫຼວງພະບາງ (ລາວ) ໄດ້ຢ້ຽມຊົມສວນໝາກໄມ້, ສວນຊາ ແລະ ບ້ານທ່ອງທ່ຽວຊຸມຊົນ ຢູ່ມົກເຈົາ "
        "ພ້ອມທັງປຶກສາຫາລືກ່ຽວກັບການຮ່ວມມືດ້ານການທ່ອງທ່ຽວ ລະຫວ່າງສອງແຂວງ.",
    ),
    published_at=vietnam_time(2025, 9, 18, 14, 30),
    author=T("Cầm Thị Lan", "Cam Thi Lan", "ກຳ ທິ ລານ"),
    tags=(tags.COOPERATION, tags.LAOS, tags.LUANG_PRABANG, tags.TOURISM),
    image="tea",
    image_alt=T(
        "Tranh minh họa những luống chè xanh uốn theo sườn đồi",
        "Illustration of green rows of tea following the slope of a hill",
        "ຮູບແຕ້ມແຖວຕົ້ນຊາສີຂຽວ ລຽນຕາມເນີນພູ",
    ),
    image_caption=T(
        "Đồi chè trên cao nguyên Mộc Châu (tranh minh họa)",
        "Tea hills on the Moc Chau plateau (illustration)",
        "ເນີນຊາ ຢູ່ພູພຽງມົກເຈົາ (ຮູບແຕ້ມປະກອບ)",
    ),
    related=("houaphanh_2026", "conference_2017"),
    body=(
        Paragraph(
            T(
                "Tiếp đoàn, lãnh đạo tỉnh Sơn La giới thiệu tiềm năng du lịch của cao nguyên Mộc Châu và "
                "lòng hồ thủy điện Sơn La, đề nghị hai bên xây dựng tour du lịch kết nối Sơn La - Luông Pha Bang.",
                "Receiving the delegation, Son La’s leaders presented the tourism potential of the Moc Chau "
                "plateau and the Son La reservoir, and proposed joint tours linking Son La and Luang Prabang.",
                "ໃນໂອກາດຕ້ອນຮັບຄະນະ, ການນຳແຂວງເຊີນລາ ໄດ້ແນະນຳທ່າແຮງດ້ານການທ່ອງທ່ຽວຂອງພູພຽງມົກເຈົາ ແລະ "
                "ອ່າງເກັບນ້ຳເຂື່ອນໄຟຟ້າເຊີນລາ, ພ້ອມທັງສະເໜີໃຫ້ສອງຝ່າຍສ້າງເສັ້ນທາງທ່ອງທ່ຽວເຊື່ອມຕໍ່ "
                "ເຊີນລາ - ຫຼວງພະບາງ.",
            ),
        ),
        Heading(T("Hướng hợp tác mới", "New areas of cooperation", "ທິດທາງການຮ່ວມມືໃໝ່")),
        Paragraph(
            T(
                "Hai bên thống nhất trao đổi đoàn doanh nghiệp lữ hành, quảng bá chung tại các hội chợ du "
                "lịch và hỗ trợ đào tạo hướng dẫn viên nói tiếng Việt, tiếng Lào.",
                "The two sides agreed to exchange travel-business delegations, promote each other at tourism "
                "fairs and help train guides who speak Vietnamese and Lao.",
                "ສອງຝ່າຍ ໄດ້ເປັນເອກະພາບກັນ ແລກປ່ຽນຄະນະນັກທຸລະກິດທ່ອງທ່ຽວ, ໂຄສະນາຮ່ວມກັນຢູ່ງານວາງສະແດງ"
                "ການທ່ອງທ່ຽວ ແລະ ຊ່ວຍຝຶກອົບຮົມມັກຄຸເທດທີ່ເວົ້າພາສາຫວຽດນາມ ແລະ ພາສາລາວ.",
            ),
        ),
    ),
)

ARTICLES = (TRAINING_2025, LUANG_PRABANG_2025)
