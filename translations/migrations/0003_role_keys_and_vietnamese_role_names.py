"""Roles get stable keys, and their groups, workflows and tasks Vietnamese names;
the seeded glossary notes are in Vietnamese too.

Databases set up before this have the English names ("Editors",
"Vietnamese moderation", ...) that the Vietnamese admin showed in buttons,
history, the dashboard and e-mails. Each is found by its old name, renamed,
and recorded under its key, so code no longer depends on the name. The
names are written out here, not imported, so the migration stays as it is
when ``translations.roles`` changes.
"""

import django.db.models.deletion
from django.db import migrations, models

GROUPS = {
    # key: (former name, Vietnamese name)
    "editor": ("Editors", "Biên tập viên"),
    "moderator": ("Moderators", "Kiểm duyệt viên"),
    "translator_en": ("English translators", "Biên dịch viên tiếng Anh"),
    "reviewer_en": ("English reviewers", "Người duyệt bản dịch tiếng Anh"),
    "translator_lo": ("Lao translators", "Biên dịch viên tiếng Lào"),
    "reviewer_lo": ("Lao reviewers", "Người duyệt bản dịch tiếng Lào"),
}
WORKFLOWS = {
    # language: ((former workflow, former task), (workflow, task))
    "vi": (("Vietnamese moderation", "Moderators approve"),
           ("Quy trình duyệt tiếng Việt", "Kiểm duyệt viên phê duyệt")),
    "en": (("English translation review", "English reviewers approve"),
           ("Quy trình duyệt bản dịch tiếng Anh", "Người duyệt bản dịch tiếng Anh phê duyệt")),
    "lo": (("Lao translation review", "Lao reviewers approve"),
           ("Quy trình duyệt bản dịch tiếng Lào", "Người duyệt bản dịch tiếng Lào phê duyệt")),
}

# The notes migration 0002 seeded in English; notes an editor changed are kept.
GLOSSARY_NOTES = {
    "Capitalise “People's Committee”; write “provincial” in lower case mid-sentence.":
        "Tiếng Anh viết hoa “People's Committee”; “provincial” viết thường khi ở giữa câu.",
    "The portal's outreach to foreign readers; not “external propaganda”.":
        "Thông tin của cổng tới bạn đọc nước ngoài; không dịch là “external propaganda”.",
    "Name of the sidebar block and section.": "Tên của khối ở cột bên và của chuyên mục.",
    "English drops the Vietnamese accents; Lao writes ແຂວງເຊີນລາ for the province.":
        "Tiếng Anh bỏ dấu tiếng Việt; tiếng Lào viết ແຂວງເຊີນລາ khi nói về tỉnh.",
}


def translate_glossary_notes(apps, schema_editor):
    GlossaryTerm = apps.get_model("translations", "GlossaryTerm")
    for english, vietnamese in GLOSSARY_NOTES.items():
        GlossaryTerm.objects.filter(note=english).update(note=vietnamese)


def rename_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    RoleGroup = apps.get_model("translations", "RoleGroup")
    LanguageWorkflow = apps.get_model("translations", "LanguageWorkflow")
    for key, (former, name) in GROUPS.items():
        group = Group.objects.filter(name=former).first()
        if group is None or Group.objects.filter(name=name).exists():
            continue
        group.name = name
        group.save(update_fields=["name"])
        RoleGroup.objects.create(key=key, group=group)
        # Demo users are named after their role (setup_roles --demo-users).
        User.objects.filter(groups=group, first_name=former).update(first_name=name)
    for language, ((former_workflow, former_task), (workflow_name, task_name)) in WORKFLOWS.items():
        workflow = Workflow.objects.filter(name=former_workflow).first()
        task = Task.objects.filter(name=former_task).first()
        if workflow is None or task is None:
            continue
        workflow.name = workflow_name
        workflow.save(update_fields=["name"])
        task.name = task_name
        task.save(update_fields=["name"])
        LanguageWorkflow.objects.create(language=language, workflow=workflow, task=task)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('translations', '0002_seed_glossary'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='LanguageWorkflow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=10, unique=True)),
                ('task', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.task')),
                ('workflow', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.workflow')),
            ],
        ),
        migrations.CreateModel(
            name='RoleGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=40, unique=True)),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='portal_role', to='auth.group')),
            ],
        ),
        migrations.RunPython(rename_roles, migrations.RunPython.noop),
        migrations.RunPython(translate_glossary_notes, migrations.RunPython.noop),
    ]
