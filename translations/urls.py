from django.urls import path

from translations import report, views

app_name = "translations"

urlpatterns = [
    path("overview/", report.TranslationOverviewView.as_view(), name="overview"),
    path(
        "overview/results/",
        report.TranslationOverviewView.as_view(results_only=True),
        name="overview_results",
    ),
    path("review/<int:translation_id>/submit/", views.submit_for_review, name="submit_for_review"),
    path("review/<int:translation_id>/save/", views.save_draft, name="save_draft"),
    path("review/<int:translation_id>/progress/", views.translation_progress, name="progress"),
]
