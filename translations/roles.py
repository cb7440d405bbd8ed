"""Who may do what, in which language tree: the portal's roles as code.

Each role is a Django group. Its page permissions sit on the home page of
one language tree only, so an English translator can edit the English tree
and nothing else; its moderation task belongs to that language's workflow.
``apply_roles`` makes the database match these definitions and is safe to run
any number of times (``manage.py setup_roles``).

Snippets are the coarse part: Wagtail grants snippet permissions per model,
never per locale. Roles get "change" on translatable snippets, and
``translations.permissions`` narrows it to the locales whose page tree the
user may edit (a hook on the snippet editor and a middleware on
wagtail-localize's translation views enforce it).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

SOURCE_LANGUAGE = "vi"

# Snippets every content role may change (narrowed per locale, see above).
TRANSLATABLE_SNIPPET_PERMISSIONS = ("home.change_siteidentity", "news.change_topic")
# Topics have drafts: whoever approves a language's pages publishes its topics.
TOPIC_PUBLISH = ("news.publish_topic",)
OVERVIEW_PERMISSION = "translations.view_translation_overview"
GLOSSARY_EDIT = (
    "translations.add_glossaryterm",
    "translations.change_glossaryterm",
    "translations.view_glossaryterm",
)
MEDIA_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    language: str
    description: str
    page_permissions: tuple
    permissions: tuple = ()
    collection_permissions: tuple = ()
    # Its group approves the moderation task of ``language``'s workflow.
    approves: bool = False
    # Its members are told about new and outdated translations in ``language``.
    translates: bool = False
    demo_username: str = ""
    # The admin language a new account in this role starts with ("" = the
    # portal's, Vietnamese): English translators and reviewers work in English.
    # The admin is not offered in Lao, so Lao roles keep Vietnamese.
    admin_language: str = field(default="", compare=False)


BASE = ("wagtailadmin.access_admin", OVERVIEW_PERMISSION) + TRANSLATABLE_SNIPPET_PERMISSIONS

ROLES = (
    Role(
        key="editor",
        group_name="Biên tập viên",
        language="vi",
        description="Writes Vietnamese content and submits it for review and for translation.",
        page_permissions=("add", "change"),
        permissions=BASE
        + ("wagtail_localize.submit_translation", "translations.view_glossaryterm", "news.add_topic"),
        collection_permissions=MEDIA_COLLECTION_PERMISSIONS,
        demo_username="editor",
    ),
    Role(
        key="moderator",
        group_name="Kiểm duyệt viên",
        language="vi",
        description="Approves and publishes Vietnamese content.",
        page_permissions=("add", "change", "publish", "lock", "unlock", "bulk_delete"),
        permissions=BASE
        + TOPIC_PUBLISH
        + ("wagtail_localize.submit_translation", "translations.view_glossaryterm", "news.add_topic"),
        collection_permissions=MEDIA_COLLECTION_PERMISSIONS,
        approves=True,
        demo_username="moderator",
    ),
    Role(
        key="translator_en",
        group_name="Biên dịch viên tiếng Anh",
        language="en",
        description="Translates into English; edits only the English tree.",
        page_permissions=("change",),
        permissions=BASE + GLOSSARY_EDIT,
        translates=True,
        demo_username="translator-en",
        admin_language="en",
    ),
    Role(
        key="reviewer_en",
        group_name="Người duyệt bản dịch tiếng Anh",
        language="en",
        description="Approves and publishes English translations.",
        page_permissions=("change", "publish", "lock", "unlock"),
        permissions=BASE + GLOSSARY_EDIT + TOPIC_PUBLISH + ("translations.delete_glossaryterm",),
        approves=True,
        demo_username="reviewer-en",
        admin_language="en",
    ),
    Role(
        key="translator_lo",
        group_name="Biên dịch viên tiếng Lào",
        language="lo",
        description="Translates into Lao; edits only the Lao tree.",
        page_permissions=("change",),
        permissions=BASE + GLOSSARY_EDIT,
        translates=True,
        demo_username="translator-lo",
    ),
    Role(
        key="reviewer_lo",
        group_name="Người duyệt bản dịch tiếng Lào",
        language="lo",
        description="Approves and publishes Lao translations.",
        page_permissions=("change", "publish", "lock", "unlock"),
        permissions=BASE + GLOSSARY_EDIT + TOPIC_PUBLISH + ("translations.delete_glossaryterm",),
        approves=True,
        demo_username="reviewer-lo",
    ),
)

WORKFLOWS = {
    # language: (workflow name, task name), as people read them in the admin.
    "vi": ("Quy trình duyệt tiếng Việt", "Kiểm duyệt viên phê duyệt"),
    "en": ("Quy trình duyệt bản dịch tiếng Anh", "Người duyệt bản dịch tiếng Anh phê duyệt"),
    "lo": ("Quy trình duyệt bản dịch tiếng Lào", "Người duyệt bản dịch tiếng Lào phê duyệt"),
}

# The English names of releases before roles had keys: databases set up then
# are found by these names once and renamed (migration 0003 does the same).
FORMER_GROUP_NAMES = {
    "editor": "Editors",
    "moderator": "Moderators",
    "translator_en": "English translators",
    "reviewer_en": "English reviewers",
    "translator_lo": "Lao translators",
    "reviewer_lo": "Lao reviewers",
}
FORMER_WORKFLOWS = {
    "vi": ("Vietnamese moderation", "Moderators approve"),
    "en": ("English translation review", "English reviewers approve"),
    "lo": ("Lao translation review", "Lao reviewers approve"),
}


def role(key):
    return next(item for item in ROLES if item.key == key)


def translator_group_names(language_code):
    """Names of the groups translating into ``language_code``, as they are in the database."""
    from translations.models import RoleGroup

    keys = [item.key for item in ROLES if item.translates and item.language == language_code]
    return list(RoleGroup.objects.filter(key__in=keys).values_list("group__name", flat=True))


def role_group(key):
    """The Django group of the role ``key``, whatever it is called now; None before ``apply_roles``."""
    from translations.models import RoleGroup

    binding = RoleGroup.objects.select_related("group").filter(key=key).first()
    return binding.group if binding else None


def language_workflow(language_code):
    """The moderation workflow of a language tree; None before ``apply_roles``."""
    from translations.models import LanguageWorkflow

    binding = LanguageWorkflow.objects.select_related("workflow").filter(language=language_code).first()
    return binding.workflow if binding else None


def tree_root(language_code):
    """The home page of one language's tree: the default site's root, translated."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.is_root():
        return None
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _role_group(item):
    """The role's group: by its key, else by its current or former name; renamed to ``group_name``."""
    from translations.models import RoleGroup

    binding = RoleGroup.objects.select_related("group").filter(key=item.key).first()
    created = False
    if binding is not None:
        group = binding.group
    else:
        group = (
            Group.objects.filter(name=item.group_name).first()
            or Group.objects.filter(name=FORMER_GROUP_NAMES.get(item.key, item.group_name)).first()
        )
        if group is None:
            group, created = Group.objects.create(name=item.group_name), True
        RoleGroup.objects.create(key=item.key, group=group)
    if group.name != item.group_name:
        group.name = item.group_name
        group.save(update_fields=["name"])
    return group, created


def _apply_group(item, home, report):
    group, created = _role_group(item)
    group.permissions.set([_permission(name) for name in item.permissions])

    # Page permissions live on this language's home page and nowhere else:
    # Wagtail's default Editors and Moderators groups start with permissions
    # on the tree root, which would reach every language.
    wanted = {_page_permission(action) for action in item.page_permissions} if home else set()
    current = GroupPagePermission.objects.filter(group=group)
    current.exclude(page=home, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)

    root_collection = Collection.get_first_root_node()
    collection_wanted = [_permission(name) for name in item.collection_permissions]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root_collection, permission__in=collection_wanted
    ).delete()
    for permission in collection_wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
    report.append(
        f"{'created' if created else 'updated'} group {item.group_name!r}: "
        + (f"{', '.join(item.page_permissions)} on {home.title!r} ({item.language})" if home
           else f"no {item.language} tree yet, page permissions left empty")
    )
    return group


def _language_workflow(language):
    """The language's workflow and task: by language, else by current or former names; renamed."""
    from translations.models import LanguageWorkflow

    workflow_name, task_name = WORKFLOWS[language]
    former_workflow, former_task = FORMER_WORKFLOWS[language]
    binding = LanguageWorkflow.objects.select_related("workflow", "task").filter(language=language).first()
    if binding is not None:
        workflow, task = binding.workflow, binding.task.specific
    else:
        task = GroupApprovalTask.objects.filter(name__in=(task_name, former_task)).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        workflow = Workflow.objects.filter(name__in=(workflow_name, former_workflow)).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=workflow_name)
        LanguageWorkflow.objects.create(language=language, workflow=workflow, task=task)
    if task.name != task_name:
        task.name = task_name
    if workflow.name != workflow_name:
        workflow.name = workflow_name
        workflow.save(update_fields=["name"])
    return workflow, task


def _apply_workflow(language, home, groups, report):
    workflow_name, task_name = WORKFLOWS[language]
    workflow, task = _language_workflow(language)
    task.active = True
    task.save()
    task.groups.set(groups)

    if not workflow.active:
        workflow.active = True
        workflow.save()
    if list(workflow.workflow_tasks.values_list("task_id", flat=True)) != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if home is not None:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
        report.append(f"workflow {workflow_name!r} ({task_name}) on {home.title!r}")


@transaction.atomic
def apply_roles():
    """Create or update every role's group, permissions and workflow; return a report."""
    report = []
    homes = {language: tree_root(language) for language in WORKFLOWS}
    approvers = {language: [] for language in WORKFLOWS}
    for item in ROLES:
        group = _apply_group(item, homes[item.language], report)
        if item.approves:
            approvers[item.language].append(group)
    for language, groups in approvers.items():
        _apply_workflow(language, homes[language], groups, report)
    return report
