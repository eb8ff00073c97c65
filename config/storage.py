"""The static files storage of collected files, in production and in the demo."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage, with hashed URLs even when DEBUG is on.

    Django's manifest storage links unhashed names under DEBUG; the demo runs with DEBUG
    on and should still load pages as production does (long-cached, compressed files).
    """

    def url(self, name: str | None, force: bool = False) -> str:
        return super().url(name, force=True)
