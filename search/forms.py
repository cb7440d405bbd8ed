"""The search form: what a visitor may ask for, and what is said about bad input.

Nothing a visitor types is an error that stops the search: a value that
cannot be used is dropped, and :meth:`SearchForm.notices` says so in the
visitor's language.
"""

import datetime

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from search.engine import NEWEST, RELEVANCE
from search.normalize import MAX_QUERY_LENGTH, MAX_QUERY_TERMS, clean, parse_query

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2999, 12, 31)
INVALID_DATE = _("“%(value)s” is not a date (write it as YYYY-MM-DD), so it was not used.")


class QueryField(forms.CharField):
    """A text field that accepts anything; the query parser drops what it cannot use."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # NUL characters are stripped by the parser, not refused.
        self.validators = []


class DateField(forms.DateField):
    """A date field between 1900 and 2999 whose error message quotes the value."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **kwargs,
        )

    def to_python(self, value):
        try:
            date = super().to_python(value)
        except forms.ValidationError:
            date = None
        if value and not (date and EARLIEST <= date <= LATEST):
            shown = str(value)[:20] + ("…" if len(str(value)) > 20 else "")
            raise forms.ValidationError(INVALID_DATE, code="invalid", params={"value": shown})
        return date


class SearchForm(forms.Form):
    q = QueryField(label=_("Words to search for"), required=False, strip=False)
    section = forms.TypedChoiceField(
        label=_("Section"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("There is no such section, so all sections were searched.")
        },
    )
    date_from = DateField(label=pgettext_lazy("date range", "From"))
    date_to = DateField(label=pgettext_lazy("date range", "To"))
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(RELEVANCE, _("Relevance")), (NEWEST, _("Newest first"))],
        error_messages={
            "invalid_choice": _("Results can be sorted by relevance or by date only; "
                                "they are sorted by relevance.")
        },
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.pk, "\u2003" * max(section.depth - 3, 0) + section.title)
            for section in sections
        ]
        self._notices = []

    def clean_q(self):
        query = clean(self.cleaned_data["q"]).strip()
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH]
            self._notices.append(
                gettext("Your search was too long, so only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
        return query

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            data["date_from"], data["date_to"] = end, start
            self._notices.append(gettext("The start date was after the end date, so they were swapped."))
        return data

    def search_options(self):
        """Keyword arguments for :func:`search.engine.search` from the usable values."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "section_id": data.get("section"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "order": data.get("sort") or RELEVANCE,
        }

    def parsed_query(self):
        self.is_valid()
        query = self.cleaned_data.get("q", "")
        parsed = parse_query(query)
        if query and not parsed:
            self._notices.append(gettext("Type one or more words to search for."))
        if parsed.truncated:
            self._notices.append(
                gettext("Only the first %(count)s words of your search were used.")
                % {"count": MAX_QUERY_TERMS}
            )
        return query, parsed

    def notices(self):
        """What the visitor should know about their input, in their language."""
        errors = [str(error) for errors in self.errors.values() for error in errors]
        return self._notices + errors

    @property
    def has_filters(self):
        options = self.search_options()
        return bool(options["section_id"] or options["date_from"] or options["date_to"])
