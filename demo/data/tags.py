"""Tags shared by articles, in the three languages."""

from ..schema import T

FOREIGN_INFORMATION = T("thông tin đối ngoại", "foreign information", "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ")
CONFERENCE = T("hội nghị", "conference", "ກອງປະຊຸມ")
COOPERATION = T("hợp tác quốc tế", "international cooperation", "ການຮ່ວມມືສາກົນ")
LAOS = T("Lào", "Laos", "ສປປ ລາວ")
HOUAPHANH = T("Hủa Phăn", "Houaphanh", "ຫົວພັນ")
LUANG_PRABANG = T("Luông Pha Bang", "Luang Prabang", "ຫຼວງພະບາງ")
TRAINING = T("tập huấn", "training", "ຝຶກອົບຮົມ")
ADMIN_REFORM = T("cải cách hành chính", "administrative reform", "ການປະຕິຮູບບໍລິຫານ")
ONLINE_SERVICES = T("dịch vụ công trực tuyến", "online public services", "ການບໍລິການສາທາລະນະອອນລາຍ")
DIGITAL = T("chuyển đổi số", "digital transformation", "ການຫັນເປັນດິຈິຕອນ")
STATISTICS = T("số liệu thống kê", "statistics", "ສະຖິຕິ")
TOURISM = T("du lịch", "tourism", "ການທ່ອງທ່ຽວ")
AGRICULTURE = T("nông nghiệp", "agriculture", "ກະສິກຳ")
MOC_CHAU = T("Mộc Châu", "Moc Chau", "ມົກເຈົາ")
FESTIVAL = T("lễ hội", "festival", "ບຸນປະເພນີ")
