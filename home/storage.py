"""Media on an S3-compatible bucket (django-storages): public files by plain URL, private ones never.

One bucket holds every upload. Names under PRIVATE_PREFIXES (CV photos, Wagtail documents) are
stored without any public grant and their URLs are short-lived signatures; the app hands them out
only after its own permission check (the CV views stream the photo; Wagtail's document view checks
the collection's restrictions, then redirects to a signed URL). Everything else (images, proposal
photos) is stored readable by anyone and gets a plain, cacheable URL (or AWS_S3_CUSTOM_DOMAIN's).

Selected by the settings when AWS_STORAGE_BUCKET_NAME is set; the filesystem otherwise.
"""

from urllib.parse import unquote, urlsplit

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PRIVATE_PREFIXES = ("cv/", "documents/")
PROBE = "__probe__"


def is_private(name):
    return clean_name(name).lstrip("/").startswith(PRIVATE_PREFIXES)


class MediaStorage(S3Storage):
    def __init__(self, **options):
        # "" means the bucket has ACLs turned off: then a bucket policy must grant public reads on
        # the public prefixes only (docs/operators.md, production).
        self.public_acl = options.pop("public_acl", "public-read")
        self.private_url_expiry = int(options.pop("private_url_expiry", 300))
        options.setdefault("querystring_auth", False)  # public URLs stay plain and cacheable
        options.setdefault("signature_version", "s3v4")  # signed URLs say their own expiry (X-Amz-Expires)
        options.setdefault("file_overwrite", False)  # two "compte-rendu.pdf" must not overwrite each other
        super().__init__(**options)
        self.default_acl = None  # the ACL is chosen per name, above all never public for private names

    def _is_private(self, name):
        name = clean_name(name).lstrip("/")
        if self.location and name.startswith(self.location.strip("/") + "/"):
            name = name.removeprefix(self.location.strip("/") + "/")  # write paths come with the location
        return is_private(name)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        params.pop("ACL", None)
        if self.public_acl:
            params["ACL"] = "private" if self._is_private(name) else self.public_acl
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self._is_private(name):
            return super().url(name, parameters, expire, http_method)
        # Signed by the bucket's own endpoint, never the public custom domain, and short-lived.
        key = self._normalize_name(clean_name(name))
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={**(parameters or {}), "Bucket": self.bucket_name, "Key": key},
            ExpiresIn=min(expire or self.private_url_expiry, self.private_url_expiry),
            HttpMethod=http_method,
        )

    def name_from_url(self, url):
        """The stored name behind one of this storage's URLs (public or signed), or None."""
        path = urlsplit(url)._replace(query="", fragment="").geturl()
        bases = {super().url(PROBE).removesuffix(PROBE)}
        signed = self.url("cv/" + PROBE)
        bases.add(urlsplit(signed)._replace(query="").geturl().removesuffix("cv/" + PROBE))
        for base in bases:
            if path.startswith(base):
                return unquote(path.removeprefix(base))
        return None
