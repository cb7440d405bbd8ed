"""A small message extractor: the msgids the project's own code asks gettext for.

GNU gettext (and so ``makemessages``) is not installed here, and running it
would rewrite catalogues others edit; the catalogue tests only need the set
of message ids, with where each is used. Covers what this project writes:

- templates: ``{% translate %}``/``{% trans %}`` (with ``context``, ``as``,
  ``noop``), ``{% blocktranslate %}``/``{% blocktrans %}`` (``with``/``count``,
  ``{% plural %}``, ``trimmed``, ``context``), and ``_("...")`` in tag and
  filter arguments;
- Python: calls of ``_``, ``gettext``, ``gettext_lazy``, ``gettext_noop``,
  ``ngettext``, ``ngettext_lazy``, ``pgettext``, ``pgettext_lazy``,
  ``npgettext`` (and their ``*_lazy``) with literal strings, read with ``ast``
  so implicit concatenation and escapes come out as Python sees them.

Each message is ``(context, msgid)``; a plural also yields its plural form
as a second message, as gettext catalogues key plurals by the singular.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The project's own apps (third-party packages ship their own catalogues).
PROJECT_APPS = ("core", "demo", "admin_i18n", "backup", "home", "news", "search", "translations", "visits", "site_project")

SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop", "ugettext", "ugettext_lazy"}
PLURAL = {"ngettext", "ngettext_lazy", "ungettext", "ungettext_lazy"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}

# A quoted template string: "..." or '...', with backslash escapes.
QUOTED = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
TRANSLATE_TAG = re.compile(r"{%\s*(?:translate|trans)\s+(" + QUOTED + r")(.*?)%}", re.S)
BLOCK_OPEN = re.compile(r"{%\s*(?:blocktranslate|blocktrans)\b(.*?)%}", re.S)
BLOCK_CLOSE = re.compile(r"{%\s*(?:endblocktranslate|endblocktrans)\s*%}")
PLURAL_TAG = re.compile(r"{%\s*plural\s*%}")
CONTEXT_OPTION = re.compile(r"\bcontext\s+(" + QUOTED + r")")
UNDERSCORE_CALL = re.compile(r"\b_\((" + QUOTED + r")\)")
VARIABLE = re.compile(r"{{\s*([\w.]+)\s*}}")


@dataclass(frozen=True)
class Message:
    context: str
    msgid: str
    where: str


def _where(path):
    """The path as messages report it: relative to the project when inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _unquote(token):
    return ast.literal_eval(token)


def _block_msgid(text, trimmed):
    """A blocktranslate body as its msgid: variables become %(name)s, % doubles."""
    text = text.replace("%", "%%")
    text = VARIABLE.sub(lambda match: f"%({match.group(1)})s", text)
    if trimmed:
        text = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text


def template_messages(path):
    source = path.read_text(encoding="utf-8")
    where = _where(path)
    messages = []
    for match in TRANSLATE_TAG.finditer(source):
        options = match.group(2)
        context = CONTEXT_OPTION.search(options)
        messages.append(
            Message(_unquote(context.group(1)) if context else "", _unquote(match.group(1)), where)
        )
    position = 0
    while True:
        opening = BLOCK_OPEN.search(source, position)
        if opening is None:
            break
        closing = BLOCK_CLOSE.search(source, opening.end())
        if closing is None:
            raise ValueError(f"{where}: blocktranslate without its end tag")
        options = opening.group(1)
        context = CONTEXT_OPTION.search(options)
        context = _unquote(context.group(1)) if context else ""
        trimmed = re.search(r"\btrimmed\b", options) is not None
        body = source[opening.end() : closing.start()]
        for part in PLURAL_TAG.split(body):
            messages.append(Message(context, _block_msgid(part, trimmed), where))
        position = closing.end()
    for match in UNDERSCORE_CALL.finditer(source):
        messages.append(Message("", _unquote(match.group(1)), where))
    return messages


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def python_messages(path):
    where = _where(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
    messages = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        args = [_literal(arg) for arg in node.args]
        if name in SINGULAR and args[:1] and args[0] is not None:
            messages.append(Message("", args[0], where))
        elif name in PLURAL and len(args) >= 2 and None not in args[:2]:
            messages += [Message("", args[0], where), Message("", args[1], where)]
        elif name in CONTEXT and len(args) >= 2 and None not in args[:2]:
            messages.append(Message(args[0], args[1], where))
        elif name in CONTEXT_PLURAL and len(args) >= 3 and None not in args[:3]:
            messages += [Message(args[0], args[1], where), Message(args[0], args[2], where)]
    return messages


def project_files():
    for app in PROJECT_APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if "migrations" in path.parts or "__pycache__" in path.parts:
                continue
            if path.suffix in (".html", ".txt", ".py"):
                yield path


def project_messages():
    """Every message the project's own templates and Python code use."""
    messages = []
    for path in project_files():
        if path.suffix == ".py":
            messages += python_messages(path)
        else:
            messages += template_messages(path)
    return messages
