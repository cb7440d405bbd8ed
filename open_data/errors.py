"""Errors a client can act on: 400 JSON naming the parameter, in the client's language."""

from django.utils.translation import gettext as _


class ParameterError(Exception):
    """A query parameter the API cannot use; ``parameter`` names it."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message

    def as_data(self):
        return {"message": f"{self.parameter}: {self.message}", "parameter": self.parameter}


def not_whole_number():
    return _("must be a whole number, 0 or more")


def too_long(limit):
    return _("is too long (at most %(limit)d characters)") % {"limit": limit}


def unknown_value(value):
    return _("%(value)s is not one of the values this parameter takes") % {"value": value[:60]}


def given_twice():
    return _("may be given only once")


def not_known():
    return _("is not a parameter of this address")


def limit_too_high(limit):
    return _("at most %(limit)d items per request; use offset to read further") % {"limit": limit}


def not_found():
    return _("no public page has this id")


def bad_characters():
    return _("contains characters that are not allowed")
