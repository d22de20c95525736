"""The stored search document of each live course page (see ``cms.search``)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class CourseSearchDocument(models.Model):
    """What one live course page (a source or a translation) is found by: its own text
    and its live modules' text, kept up to date by ``cms.search`` when either is
    published, unpublished, moved or deleted.

    ``document`` is weighted (title A, summary B, the rest C) and built with the
    text-search configuration of the page's language (``config``); ``text`` is the same
    text folded (lower case, no accents, one spelling of Arabic letters) for substring
    and trigram matching, which Arabic and Chinese rely on.
    """

    page = models.OneToOneField(
        "cms.CoursePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    config = models.CharField(max_length=32)
    document = SearchVectorField()
    text = models.TextField()

    class Meta:
        app_label = "cms"
        indexes = [
            GinIndex(fields=["document"], name="cms_search_document_gin"),
            GinIndex(fields=["text"], name="cms_search_text_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return f"search document of page {self.page_id}"
