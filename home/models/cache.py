from django.db import models


class PageCacheState(models.Model):
    """One row: the page-cache version as the database knows it.

    Used when the cache is local to each process (several app servers without Redis): every
    process then sees an invalidation made by another one.
    """

    version = models.PositiveBigIntegerField(default=1)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"page cache version {self.version}"
