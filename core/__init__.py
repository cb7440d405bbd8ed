"""The ground floor: plumbing every app may use; it imports only Django, Wagtail and libraries."""
