"""Bringing the old Liferay portal's articles, files and addresses into this portal.

``manage.py import_portal`` reads a wget mirror or fetches pages over HTTP,
turns each old article into a Vietnamese ``news.NewsPage`` and keeps its old
address answering 301 (see README, "Moving from the old portal").
"""
