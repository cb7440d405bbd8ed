"""The glossary's first terms: official names the portal uses everywhere.

Equivalents agree with the demo content and the agency's published names;
editors change or extend them in the admin (Glossary). Existing terms are
never overwritten.
"""

from django.db import migrations

TERMS = [
    ("Ủy ban nhân dân tỉnh", "provincial People's Committee", "ຄະນະກຳມະການປະຊາຊົນແຂວງ",
     "Capitalise “People's Committee”; write “provincial” in lower case mid-sentence."),
    ("Ủy ban nhân dân tỉnh Sơn La", "People's Committee of Son La Province", "ຄະນະກຳມະການປະຊາຊົນແຂວງເຊີນລາ", ""),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Office of the provincial People's Committee",
     "ຫ້ອງວ່າການຄະນະກຳມະການປະຊາຊົນແຂວງ", ""),
    ("Sở Ngoại vụ", "Department of Foreign Affairs", "ພະແນກການຕ່າງປະເທດ", ""),
    ("Sở Thông tin và Truyền thông", "Department of Information and Communications",
     "ພະແນກຂໍ້ມູນຂ່າວສານ ແລະ ການສື່ສານ", ""),
    ("thông tin đối ngoại", "foreign information", "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ",
     "The portal's outreach to foreign readers; not “external propaganda”."),
    ("Thông tin cải cách", "Reform information", "ຂໍ້ມູນຂ່າວສານການປະຕິຮູບ", "Name of the sidebar block and section."),
    ("Sơn La", "Son La", "ເຊີນລາ", "English drops the Vietnamese accents; Lao writes ແຂວງເຊີນລາ for the province."),
]


def seed(apps, schema_editor):
    GlossaryTerm = apps.get_model("translations", "GlossaryTerm")
    for term, english, lao, note in TERMS:
        if not GlossaryTerm.objects.filter(term__iexact=term).exists():
            GlossaryTerm.objects.create(term=term, english=english, lao=lao, note=note)


class Migration(migrations.Migration):
    dependencies = [("translations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
