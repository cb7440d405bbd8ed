"""The demo images get Vietnamese titles, as editors see them in the image library and choosers.

Databases loaded before carry the English titles; the demo loader finds its
images by title, so they are renamed here rather than loaded a second time.
"""

from django.db import migrations

TITLES = {
    "Demo illustration: conference hall": "Ảnh minh họa: hội trường hội nghị",
    "Demo illustration: border road": "Ảnh minh họa: đường biên giới",
    "Demo illustration: mountains and reservoir": "Ảnh minh họa: núi và hồ thủy điện",
    "Demo illustration: tea hills": "Ảnh minh họa: đồi chè",
    "Demo illustration: ban blossoms": "Ảnh minh họa: hoa ban",
    "Demo illustration: fruit orchard": "Ảnh minh họa: vườn cây ăn quả",
}


def rename(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    for english, vietnamese in TITLES.items():
        if not Image.objects.filter(title=vietnamese).exists():
            Image.objects.filter(title=english).update(title=vietnamese)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_field_length_limits"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
