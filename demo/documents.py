"""The demo documents register: its snippets, the register page and 32 documents in three languages.

Run by ``demo.loader.Loader`` after the home page exists. Each document gets
a one-page PDF made by ``demo.pdf``; documents are found again by number and
issuer, so a second run changes nothing.
"""

from wagtail.documents import get_document_model

from official_documents.models import (
    DocumentAmendment,
    DocumentField,
    DocumentFile,
    DocumentIndexPage,
    DocumentType,
    IssuingBody,
    OfficialDocumentPage,
)
from search.normalize import slugify

from . import localize, pdf
from .data import official_documents as data
from .schema import LANGUAGES, pick


def _snippet(loader, model, name, **extra):
    vietnamese = loader.locales["vi"]
    snippet = model.objects.filter(locale=vietnamese, name=name.vi).first()
    changed = snippet is None
    if snippet is None:
        snippet = model(locale=vietnamese, name=name.vi, **extra)
        snippet.save()
    targets = {loader.locales[code]: model(name=pick(name, code), **extra) for code in LANGUAGES[1:]}
    localize.translate(snippet, targets, force=changed)
    return snippet


def _register_fields(language):
    return {
        "title": pick(data.REGISTER["title"], language),
        "slug": pick(data.REGISTER["slug"], language),
        "intro": pick(data.REGISTER["intro"], language),
        "show_in_menus": True,
    }


def _pdf(loader, doc):
    Document = get_document_model()
    title = f"{doc.number} – {data.TYPES[doc.type][0].vi}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        body = pdf.write(
            f"{data.TYPES[doc.type][0].vi} {doc.number}",
            [doc.abstract.vi, f"{data.ISSUERS[doc.issuer].vi}, {doc.issued:%d/%m/%Y}.", doc.abstract.en],
        )
        document = Document(title=title)
        document.file = loader.stored_file(Document, f"documents/{slugify(doc.number)}.pdf", body)
        document._set_document_file_metadata()
        document.save()
    return document


def load(loader):
    types = {key: _snippet(loader, DocumentType, name, sort_order=i, code=code)
             for i, (key, (name, code)) in enumerate(data.TYPES.items())}
    issuers = {key: _snippet(loader, IssuingBody, name, sort_order=i) for i, (key, name) in enumerate(data.ISSUERS.items())}
    fields = {key: _snippet(loader, DocumentField, name, sort_order=i) for i, (key, name) in enumerate(data.FIELDS.items())}

    home = loader.pages["home"]["vi"]
    register, changed = loader.upsert(home, DocumentIndexPage, _register_fields("vi"))
    loader.save_translations(
        "documents", register, changed,
        targets={loader.locales[code]: DocumentIndexPage(**_register_fields(code)) for code in LANGUAGES[1:]},
    )

    def fields_for(doc, language):
        return {
            "title": f"{pick(data.TYPES[doc.type][0], language)} {doc.number}",
            "slug": slugify(doc.number.replace("/", "-")),
            "number_symbol": doc.number,
            "document_type_id": types[doc.type].pk,
            "issuing_body_id": issuers[doc.issuer].pk,
            "document_field_id": fields[doc.field].pk,
            "issue_date": doc.issued,
            "effective_date": doc.effective,
            "expiry_date": doc.expiry,
            "signer_name": doc.signer,
            "signer_position": pick(data.POSITIONS[doc.position], language),
            "abstract": pick(doc.abstract, language),
        }

    pages = {}
    # A document is written once the documents it points at exist.
    waiting = list(data.DOCUMENTS)
    while waiting:
        ready = [doc for doc in waiting if (doc.replaced_by is None or doc.replaced_by in pages)
                 and all(key in pages for key in doc.amends)]
        if not ready:
            raise ValueError(f"Documents point at each other in a circle: {[doc.key for doc in waiting]}")
        for doc in ready:
            waiting.remove(doc)
            pages[doc.key] = _document(loader, register, doc, fields_for, pages)


def _document(loader, register, doc, fields_for, pages):
    file = _pdf(loader, doc)
    values = fields_for(doc, "vi")
    values["replaced_by_id"] = pages[doc.replaced_by].pk if doc.replaced_by else None

    def fix(page, locale):
        if locale != loader.locales["vi"]:
            return False
        changed = False
        if [link.document_id for link in page.files.all()] != [file.pk]:
            page.files = [DocumentFile(document=file, sort_order=0)]
            changed = True
        amended = [pages[key].pk for key in doc.amends]
        if [link.amended_id for link in page.amendments.all()] != amended:
            page.amendments = [DocumentAmendment(amended_id=pk, sort_order=i) for i, pk in enumerate(amended)]
            changed = True
        return changed

    page = OfficialDocumentPage.objects.filter(
        number_symbol=doc.number, issuing_body_id=values["issuing_body_id"], locale=loader.locales["vi"]
    ).first()
    parent = register if page is None else page.get_parent()
    page, changed = loader.upsert(parent, OfficialDocumentPage, values, fix=fix)
    targets = {loader.locales[code]: OfficialDocumentPage(**fields_for(doc, code)) for code in LANGUAGES[1:]}
    loader.save_translations(f"document:{doc.key}", page, changed, targets=targets)
    return page
