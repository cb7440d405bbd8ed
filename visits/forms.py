"""The admin report's choices: the chart's length and the period of the top articles."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

CHART_DAYS = [("30", _("Last 30 days")), ("90", _("Last 90 days"))]
DEFAULT_PERIOD_DAYS = 30
MAX_PERIOD_DAYS = 366


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Visits per day"), choices=CHART_DAYS, coerce=int)
    since = forms.DateField(label=_("Top articles from"), widget=_date_input())
    until = forms.DateField(label=_("to"), widget=_date_input())

    def __init__(self, query, today):
        """Bind the query string over the defaults: last 30 days, ending today."""
        self.today = today
        self.defaults = {
            "days": 30,
            "since": today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1),
            "until": today,
        }
        data = {name: str(value) for name, value in self.defaults.items()}
        data.update({name: query[name] for name in data if query.get(name)})
        super().__init__(data)

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until:
            if since > until:
                raise forms.ValidationError(_("The start date must not be after the end date."))
            if (until - since).days >= MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Choose a period of at most one year."))
        return data

    def choices(self):
        """The cleaned choices, or the defaults when the input was invalid."""
        return self.cleaned_data if self.is_valid() else self.defaults
