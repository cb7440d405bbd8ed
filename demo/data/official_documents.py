"""The demo documents register: types, issuers, fields and 32 documents with every status.

Numbers follow the province's style (``3039/QĐ-UBND``); the abstracts are
written for this demo in the three languages. Dates are fixed, so loading
again changes nothing; the "not yet in force" plans take effect in 2028 and
later. ``replaced_by`` and ``amends`` name other documents by key.
"""

import datetime
from typing import NamedTuple

from ..schema import T

REGISTER = {
    "title": T("Văn bản chỉ đạo, điều hành", "Official documents", "ເອກະສານທາງການ"),
    "slug": T("van-ban", "documents", "documents"),
    "intro": T(
        "Quyết định, nghị quyết, chỉ thị, kế hoạch, công văn và thông báo của tỉnh Sơn La, kèm tệp để tải về.",
        "Decisions, resolutions, directives, plans, official letters and notices of Sơn La province, with the files to download.",
        "ຂໍ້ຕົກລົງ, ມະຕິ, ຄຳສັ່ງ, ແຜນການ, ໜັງສືທາງການ ແລະ ແຈ້ງການ ຂອງແຂວງເຊີນລາ, ພ້ອມໄຟລ໌ໃຫ້ດາວໂຫຼດ.",
    ),
}

# key: (name, code)
TYPES = {
    "qd": (T("Quyết định", "Decision", "ຂໍ້ຕົກລົງ"), "QĐ"),
    "nq": (T("Nghị quyết", "Resolution", "ມະຕິ"), "NQ"),
    "ct": (T("Chỉ thị", "Directive", "ຄຳສັ່ງ"), "CT"),
    "kh": (T("Kế hoạch", "Plan", "ແຜນການ"), "KH"),
    "cv": (T("Công văn", "Official letter", "ໜັງສືທາງການ"), ""),
    "tb": (T("Thông báo", "Notice", "ແຈ້ງການ"), "TB"),
}
ISSUERS = {
    "ubnd": T("Ủy ban nhân dân tỉnh", "Provincial People's Committee", "ຄະນະກຳມະການປະຊາຊົນແຂວງ"),
    "hdnd": T("Hội đồng nhân dân tỉnh", "Provincial People's Council", "ສະພາປະຊາຊົນແຂວງ"),
    "snv": T("Sở Ngoại vụ", "Department of Foreign Affairs", "ພະແນກການຕ່າງປະເທດ"),
    "stttt": T(
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
        "ພະແນກຖະແຫຼງຂ່າວ ແລະ ສື່ສານ",
    ),
}
FIELDS = {
    "doingoai": T("Đối ngoại", "Foreign affairs", "ການຕ່າງປະເທດ"),
    "caicach": T("Cải cách hành chính", "Administrative reform", "ການປະຕິຮູບບໍລິຫານ"),
    "nongnghiep": T("Nông nghiệp", "Agriculture", "ກະສິກຳ"),
    "dulich": T("Du lịch", "Tourism", "ການທ່ອງທ່ຽວ"),
    "cntt": T("Công nghệ thông tin", "Information technology", "ເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ"),
}
POSITIONS = {
    "chairman": T("Chủ tịch", "Chairman", "ປະທານ"),
    "vice": T("Phó Chủ tịch", "Vice Chairman", "ຮອງປະທານ"),
    "director": T("Giám đốc", "Director", "ຫົວໜ້າພະແນກ"),
}


class Doc(NamedTuple):
    key: str
    number: str
    type: str
    issuer: str
    field: str
    issued: datetime.date
    effective: datetime.date
    expiry: datetime.date | None
    signer: str
    position: str
    abstract: T
    replaced_by: str | None = None
    amends: tuple = ()


d = datetime.date

DOCUMENTS = [
    Doc("kh-2028", "215/KH-UBND", "kh", "ubnd", "doingoai", d(2026, 11, 25), d(2028, 1, 1), None, "Hoàng Quốc Khánh", "vice",
        T("Kế hoạch hợp tác với các tỉnh Bắc Lào giai đoạn 2028–2030.",
          "Plan for cooperation with the northern provinces of Laos, 2028–2030.",
          "ແຜນການຮ່ວມມືກັບບັນດາແຂວງພາກເໜືອຂອງລາວ ໄລຍະ 2028–2030.")),
    Doc("kh-cds-2028", "198/KH-STTTT", "kh", "stttt", "cntt", d(2026, 11, 10), d(2028, 7, 1), None, "Lò Văn Mạnh", "director",
        T("Kế hoạch chuyển đổi số các xã vùng cao từ năm 2028.",
          "Plan for the digital transformation of highland communes from 2028.",
          "ແຜນການຫັນເປັນດີຈີຕອນຂອງບັນດາຕາແສງເຂດສູງ ແຕ່ປີ 2028.")),
    Doc("qd-3039", "3039/QĐ-UBND", "qd", "ubnd", "caicach", d(2025, 12, 18), d(2026, 1, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định phê duyệt danh mục thủ tục hành chính thực hiện trực tuyến toàn trình năm 2026.",
          "Decision approving the list of administrative procedures handled fully online in 2026.",
          "ຂໍ້ຕົກລົງຮັບຮອງບັນຊີຂັ້ນຕອນການບໍລິຫານທີ່ດຳເນີນທາງອອນລາຍທັງໝົດໃນປີ 2026.")),
    Doc("nq-45", "45/NQ-HĐND", "nq", "hdnd", "nongnghiep", d(2025, 12, 10), d(2026, 1, 1), None, "Nguyễn Thái Hưng", "chairman",
        T("Nghị quyết về chính sách hỗ trợ trồng cây ăn quả trên đất dốc năm 2026.",
          "Resolution on support for planting fruit trees on sloping land in 2026.",
          "ມະຕິກ່ຽວກັບນະໂຍບາຍສະໜັບສະໜູນການປູກໄມ້ໃຫ້ໝາກເທິງດິນຄ້ອຍຊັນ ປີ 2026.")),
    Doc("qd-2750", "2750/QĐ-UBND", "qd", "ubnd", "dulich", d(2025, 11, 20), d(2025, 11, 20), None, "Hoàng Quốc Khánh", "vice",
        T("Quyết định sửa đổi quy chế quản lý khu du lịch quốc gia Mộc Châu.",
          "Decision amending the rules for managing the Mộc Châu national tourist area.",
          "ຂໍ້ຕົກລົງດັດແກ້ລະບຽບການຄຸ້ມຄອງເຂດທ່ອງທ່ຽວແຫ່ງຊາດມົກໂຈ່ວ."),
        amends=("qd-1120",)),
    Doc("ct-08", "08/CT-UBND", "ct", "ubnd", "caicach", d(2025, 10, 2), d(2025, 10, 2), None, "Nguyễn Thành Công", "chairman",
        T("Chỉ thị tăng cường kỷ luật, kỷ cương hành chính trong cơ quan nhà nước.",
          "Directive on stronger administrative discipline in state agencies.",
          "ຄຳສັ່ງກ່ຽວກັບການເພີ່ມທະວີລະບຽບວິໄນການບໍລິຫານໃນອົງການລັດ.")),
    Doc("tb-412", "412/TB-SNV", "tb", "snv", "doingoai", d(2025, 9, 15), d(2025, 9, 15), d(2025, 10, 31), "Cầm Thị Lan", "director",
        T("Thông báo tiếp nhận hồ sơ đoàn ra dự hội chợ thương mại biên giới Việt – Lào 2025.",
          "Notice on applications to join the delegation to the 2025 Vietnam–Laos border trade fair.",
          "ແຈ້ງການຮັບເອກະສານຂອງຄະນະຜູ້ແທນໄປຮ່ວມງານວາງສະແດງສິນຄ້າຊາຍແດນ ຫວຽດນາມ – ລາວ 2025.")),
    Doc("kh-150", "150/KH-UBND", "kh", "ubnd", "doingoai", d(2025, 8, 12), d(2025, 8, 12), None, "Hoàng Quốc Khánh", "vice",
        T("Kế hoạch thông tin đối ngoại năm 2025–2026 hướng tới bạn đọc Lào.",
          "Foreign information plan for 2025–2026 aimed at readers in Laos.",
          "ແຜນການຂໍ້ມູນຂ່າວສານຕ່າງປະເທດປີ 2025–2026 ສຳລັບຜູ້ອ່ານໃນລາວ."),
        amends=("kh-60",)),
    Doc("cv-1890", "1890/UBND-KT", "cv", "ubnd", "nongnghiep", d(2025, 7, 4), d(2025, 7, 4), None, "Hoàng Quốc Khánh", "vice",
        T("Công văn về việc tiêu thụ xoài và nhãn vụ năm 2025.",
          "Official letter on selling the 2025 mango and longan harvest.",
          "ໜັງສືທາງການກ່ຽວກັບການຂາຍໝາກມ່ວງ ແລະ ໝາກລຳໄຍ ລະດູປີ 2025.")),
    Doc("qd-1650", "1650/QĐ-UBND", "qd", "ubnd", "cntt", d(2025, 6, 20), d(2025, 7, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định ban hành quy chế hoạt động của Cổng thông tin điện tử tỉnh.",
          "Decision issuing the rules of operation of the provincial electronic information portal.",
          "ຂໍ້ຕົກລົງອອກລະບຽບການເຄື່ອນໄຫວຂອງເວັບໄຊຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກຂອງແຂວງ.")),
    Doc("tb-95", "95/TB-STTTT", "tb", "stttt", "cntt", d(2025, 5, 8), d(2025, 5, 8), d(2025, 6, 30), "Lò Văn Mạnh", "director",
        T("Thông báo lịch bảo trì hệ thống một cửa điện tử tháng 6 năm 2025.",
          "Notice of maintenance of the electronic one-stop system in June 2025.",
          "ແຈ້ງການກຳນົດເວລາບຳລຸງຮັກສາລະບົບປະຕູດຽວເອເລັກໂຕຣນິກ ເດືອນມິຖຸນາ 2025.")),
    Doc("nq-20", "20/NQ-HĐND", "nq", "hdnd", "caicach", d(2025, 4, 18), d(2025, 5, 1), None, "Nguyễn Thái Hưng", "chairman",
        T("Nghị quyết về phí cấp bản sao giấy tờ qua dịch vụ công trực tuyến.",
          "Resolution on the fee for copies of papers issued through online public services.",
          "ມະຕິກ່ຽວກັບຄ່າທຳນຽມອອກສຳເນົາເອກະສານຜ່ານການບໍລິການສາທາລະນະທາງອອນລາຍ.")),
    Doc("kh-60", "60/KH-UBND", "kh", "ubnd", "doingoai", d(2025, 3, 3), d(2025, 3, 3), None, "Hoàng Quốc Khánh", "vice",
        T("Kế hoạch đón tiếp các đoàn khách Lào năm 2025.",
          "Plan for receiving delegations from Laos in 2025.",
          "ແຜນການຕ້ອນຮັບຄະນະແຂກຈາກລາວ ປີ 2025.")),
    Doc("qd-410", "410/QĐ-UBND", "qd", "ubnd", "dulich", d(2025, 2, 25), d(2025, 3, 1), None, "Hoàng Quốc Khánh", "vice",
        T("Quyết định phê duyệt chương trình Tuần văn hóa – du lịch Mộc Châu 2025.",
          "Decision approving the programme of the 2025 Mộc Châu culture and tourism week.",
          "ຂໍ້ຕົກລົງຮັບຮອງແຜນງານອາທິດວັດທະນະທຳ – ທ່ອງທ່ຽວມົກໂຈ່ວ 2025.")),
    Doc("qd-3300", "3300/QĐ-UBND", "qd", "ubnd", "caicach", d(2024, 12, 27), d(2025, 1, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định công bố bộ chỉ số đánh giá cải cách hành chính của các sở năm 2025.",
          "Decision publishing the 2025 index for assessing administrative reform in departments.",
          "ຂໍ້ຕົກລົງປະກາດດັດຊະນີປະເມີນການປະຕິຮູບບໍລິຫານຂອງບັນດາພະແນກ ປີ 2025.")),
    Doc("ct-15", "15/CT-UBND", "ct", "ubnd", "nongnghiep", d(2024, 11, 11), d(2024, 11, 11), None, "Nguyễn Thành Công", "chairman",
        T("Chỉ thị phòng chống rét đậm, rét hại cho cây trồng và vật nuôi.",
          "Directive on protecting crops and livestock from severe cold.",
          "ຄຳສັ່ງກ່ຽວກັບການປ້ອງກັນພືດ ແລະ ສັດລ້ຽງຈາກອາກາດໜາວຈັດ.")),
    Doc("cv-2455", "2455/SNV-LS", "cv", "snv", "doingoai", d(2024, 10, 9), d(2024, 10, 9), None, "Cầm Thị Lan", "director",
        T("Công văn hướng dẫn thủ tục cấp thẻ đi lại biên giới cho cư dân hai bên.",
          "Official letter explaining how border residents on both sides obtain a border pass.",
          "ໜັງສືທາງການແນະນຳຂັ້ນຕອນອອກບັດຜ່ານແດນໃຫ້ປະຊາຊົນທັງສອງຝ່າຍ.")),
    Doc("qd-1120", "1120/QĐ-UBND", "qd", "ubnd", "dulich", d(2024, 6, 14), d(2024, 7, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định ban hành quy chế quản lý khu du lịch quốc gia Mộc Châu.",
          "Decision issuing the rules for managing the Mộc Châu national tourist area.",
          "ຂໍ້ຕົກລົງອອກລະບຽບການຄຸ້ມຄອງເຂດທ່ອງທ່ຽວແຫ່ງຊາດມົກໂຈ່ວ.")),
    Doc("kh-88", "88/KH-STTTT", "kh", "stttt", "cntt", d(2024, 5, 6), d(2024, 5, 6), d(2025, 1, 1), "Lò Văn Mạnh", "director",
        T("Kế hoạch tuyên truyền về chuyển đổi số năm 2024.",
          "Plan for raising awareness of digital transformation in 2024.",
          "ແຜນການໂຄສະນາເຜີຍແຜ່ກ່ຽວກັບການຫັນເປັນດີຈີຕອນ ປີ 2024.")),
    Doc("qd-2100-new", "2100/QĐ-UBND", "qd", "ubnd", "caicach", d(2024, 9, 30), d(2024, 10, 15), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định ban hành quy chế tiếp nhận, giải quyết phản ánh, kiến nghị của người dân qua mạng.",
          "Decision issuing the rules for receiving and handling citizens' feedback submitted online.",
          "ຂໍ້ຕົກລົງອອກລະບຽບການຮັບ ແລະ ແກ້ໄຂຄຳຕິຊົມ, ຂໍ້ສະເໜີຂອງປະຊາຊົນຜ່ານທາງອອນລາຍ.")),
    Doc("qd-540-old", "540/QĐ-UBND", "qd", "ubnd", "caicach", d(2022, 3, 21), d(2022, 4, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định ban hành quy chế tiếp nhận phản ánh, kiến nghị của người dân (thay bằng Quyết định 2100/QĐ-UBND).",
          "Decision issuing the earlier rules for citizens' feedback (replaced by Decision 2100/QĐ-UBND).",
          "ຂໍ້ຕົກລົງອອກລະບຽບການຮັບຄຳຕິຊົມຂອງປະຊາຊົນສະບັບເກົ່າ (ຖືກປ່ຽນແທນດ້ວຍຂໍ້ຕົກລົງ 2100/QĐ-UBND)."),
        replaced_by="qd-2100-new"),
    Doc("nq-12", "12/NQ-HĐND", "nq", "hdnd", "nongnghiep", d(2024, 3, 28), d(2024, 4, 10), None, "Nguyễn Thái Hưng", "chairman",
        T("Nghị quyết về hỗ trợ hợp tác xã nông nghiệp tiêu thụ sản phẩm.",
          "Resolution on support for agricultural cooperatives selling their produce.",
          "ມະຕິກ່ຽວກັບການສະໜັບສະໜູນສະຫະກອນກະສິກຳໃນການຈຳໜ່າຍຜະລິດຕະພັນ.")),
    Doc("tb-30", "30/TB-UBND", "tb", "ubnd", "caicach", d(2024, 2, 2), d(2024, 2, 2), d(2024, 2, 20), "Hoàng Quốc Khánh", "vice",
        T("Thông báo lịch nghỉ Tết Nguyên đán Giáp Thìn 2024 của cơ quan nhà nước.",
          "Notice of the 2024 Lunar New Year holiday in state agencies.",
          "ແຈ້ງການວັນພັກບຸນປີໃໝ່ຕາມຈັນທະຄະຕິ 2024 ຂອງອົງການລັດ.")),
    Doc("qd-2890", "2890/QĐ-UBND", "qd", "ubnd", "doingoai", d(2023, 12, 20), d(2024, 1, 1), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định phê duyệt đề án hợp tác với tỉnh Hủa Phăn giai đoạn 2024–2028.",
          "Decision approving the project for cooperation with Houaphanh province, 2024–2028.",
          "ຂໍ້ຕົກລົງຮັບຮອງໂຄງການຮ່ວມມືກັບແຂວງຫົວພັນ ໄລຍະ 2024–2028.")),
    Doc("kh-210", "210/KH-SNV", "kh", "snv", "doingoai", d(2023, 10, 16), d(2023, 10, 16), d(2024, 1, 1), "Cầm Thị Lan", "director",
        T("Kế hoạch tổ chức giao lưu hữu nghị thanh niên Việt – Lào năm 2023.",
          "Plan for the 2023 Vietnam–Laos youth friendship exchange.",
          "ແຜນການຈັດງານແລກປ່ຽນມິດຕະພາບຊາວໜຸ່ມ ຫວຽດນາມ – ລາວ ປີ 2023.")),
    Doc("ct-05", "05/CT-UBND", "ct", "ubnd", "cntt", d(2023, 7, 7), d(2023, 7, 7), None, "Nguyễn Thành Công", "chairman",
        T("Chỉ thị bảo đảm an toàn thông tin mạng trong cơ quan nhà nước.",
          "Directive on network information security in state agencies.",
          "ຄຳສັ່ງກ່ຽວກັບການຮັບປະກັນຄວາມປອດໄພຂໍ້ມູນເຄືອຂ່າຍໃນອົງການລັດ.")),
    Doc("cv-980", "980/STTTT-BCVT", "cv", "stttt", "cntt", d(2023, 5, 22), d(2023, 5, 22), None, "Lò Văn Mạnh", "director",
        T("Công văn về việc sử dụng chữ ký số trong văn bản điện tử.",
          "Official letter on using digital signatures in electronic documents.",
          "ໜັງສືທາງການກ່ຽວກັບການນຳໃຊ້ລາຍເຊັນດີຈີຕອນໃນເອກະສານເອເລັກໂຕຣນິກ.")),
    Doc("qd-2000-plan", "2000/QĐ-UBND", "qd", "ubnd", "nongnghiep", d(2023, 9, 12), d(2023, 10, 1), None, "Hoàng Quốc Khánh", "vice",
        T("Quyết định sửa đổi đề án phát triển vùng cây ăn quả tập trung.",
          "Decision amending the project for concentrated fruit-growing areas.",
          "ຂໍ້ຕົກລົງດັດແກ້ໂຄງການພັດທະນາເຂດປູກໄມ້ໃຫ້ໝາກແບບລວມສູນ."),
        amends=("qd-700",)),
    Doc("qd-700", "700/QĐ-UBND", "qd", "ubnd", "nongnghiep", d(2022, 4, 5), d(2022, 4, 15), None, "Nguyễn Thành Công", "chairman",
        T("Quyết định phê duyệt đề án phát triển vùng cây ăn quả tập trung đến năm 2030.",
          "Decision approving the project for concentrated fruit-growing areas up to 2030.",
          "ຂໍ້ຕົກລົງຮັບຮອງໂຄງການພັດທະນາເຂດປູກໄມ້ໃຫ້ໝາກແບບລວມສູນ ຮອດປີ 2030.")),
    Doc("nq-33", "33/NQ-HĐND", "nq", "hdnd", "dulich", d(2022, 12, 9), d(2023, 1, 1), d(2026, 1, 1), "Nguyễn Thái Hưng", "chairman",
        T("Nghị quyết về chính sách khuyến khích du lịch cộng đồng giai đoạn 2023–2025.",
          "Resolution on encouraging community tourism, 2023–2025.",
          "ມະຕິກ່ຽວກັບນະໂຍບາຍສົ່ງເສີມການທ່ອງທ່ຽວຊຸມຊົນ ໄລຍະ 2023–2025.")),
    Doc("tb-77-new", "77/TB-SNV", "tb", "snv", "doingoai", d(2022, 8, 3), d(2022, 8, 3), None, "Cầm Thị Lan", "director",
        T("Thông báo địa chỉ tiếp nhận hồ sơ lãnh sự mới của Sở Ngoại vụ.",
          "Notice of the Department of Foreign Affairs' new address for consular applications.",
          "ແຈ້ງການທີ່ຢູ່ໃໝ່ສຳລັບຮັບເອກະສານກົງສູນຂອງພະແນກການຕ່າງປະເທດ.")),
    Doc("tb-12-old", "12/TB-SNV", "tb", "snv", "doingoai", d(2021, 2, 1), d(2021, 2, 1), None, "Cầm Thị Lan", "director",
        T("Thông báo địa chỉ tiếp nhận hồ sơ lãnh sự (thay bằng Thông báo 77/TB-SNV).",
          "Notice of the earlier address for consular applications (replaced by Notice 77/TB-SNV).",
          "ແຈ້ງການທີ່ຢູ່ຮັບເອກະສານກົງສູນສະບັບເກົ່າ (ຖືກປ່ຽນແທນດ້ວຍແຈ້ງການ 77/TB-SNV)."),
        replaced_by="tb-77-new"),
]
