"""Production settings for several machines: a read replica and media in object storage, by environment."""

from tests.site_project.production_env import environment, load_settings


def test_without_replica_or_object_storage_nothing_changes():
    values = load_settings(environment(), ["DATABASES", "DATABASE_ROUTERS", "MIDDLEWARE", "STORAGES"])
    assert isinstance(values, dict), values.stderr
    assert list(values["DATABASES"]) == ["default"]
    assert values["DATABASE_ROUTERS"] == []
    assert "core.read_replica.ReplicaReadsMiddleware" not in values["MIDDLEWARE"]
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_replica_url_adds_the_replica_its_router_and_middleware_below_the_page_cache():
    values = load_settings(
        environment(DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/portal"),
        ["DATABASES", "DATABASE_ROUTERS", "MIDDLEWARE"],
    )
    assert isinstance(values, dict), values.stderr
    replica = values["DATABASES"]["replica"]
    assert (replica["HOST"], replica["NAME"], replica["USER"]) == ("replica.internal", "portal", "reader")
    assert replica["TEST"]["MIRROR"] == "default"
    assert values["DATABASE_ROUTERS"] == ["core.read_replica.ReplicaRouter"]
    middleware = values["MIDDLEWARE"]
    assert middleware.index("core.read_replica.ReplicaReadsMiddleware") == (
        middleware.index("core.page_cache.PageCacheMiddleware") + 1
    )


def test_s3_media_storage_uses_django_storages_and_allows_its_images():
    values = load_settings(
        environment(
            DJANGO_MEDIA_STORAGE="s3",
            AWS_STORAGE_BUCKET_NAME="sonla-media",
            AWS_S3_ENDPOINT_URL="https://s3.sonla.gov.vn",
        ),
        ["STORAGES", "CONTENT_SECURITY_POLICY_IMG_SOURCES"],
    )
    assert isinstance(values, dict), values.stderr
    default = values["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "sonla-media"
    assert default["OPTIONS"]["querystring_auth"] is False
    assert values["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")
    assert values["CONTENT_SECURITY_POLICY_IMG_SOURCES"] == ["https://s3.sonla.gov.vn"]


def test_s3_media_storage_without_a_bucket_stops_start_up_naming_it():
    result = load_settings(environment(DJANGO_MEDIA_STORAGE="s3"), ["STORAGES"])
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr
