"""Wagtail's image and document listings, with a usage-count filter that also works
while searching.

Wagtail filters the listing on a ``usage_count`` annotation; with a search as well,
the search backend (django-modelsearch) turns the queryset's filters into its own and
fails on the annotation (AttributeError, a 500; django-modelsearch issue 51). Here the
count is compared in a subquery and the listing filtered on primary keys, which every
backend understands. config/urls.py routes the two listings here.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import NumberRangeWidget
from wagtail.documents.views import documents
from wagtail.images.views import images
from wagtail.models import ReferenceIndex


class UsageCountFilter(django_filters.RangeFilter):
    def filter(self, qs, value):
        if not value or (value.start is None and value.stop is None):
            return qs
        model = qs.model
        counted = model._default_manager.annotate(
            usage_count=ReferenceIndex.usage_count_subquery(model)
        )
        return qs.filter(pk__in=super().filter(counted, value).values("pk"))


def usage_count_filter():
    return UsageCountFilter(
        field_name="usage_count", label=_("Usage count"), widget=NumberRangeWidget()
    )


class ImagesFilterSet(images.ImagesFilterSet):
    usage_count = usage_count_filter()


class DocumentsFilterSet(documents.DocumentsFilterSet):
    usage_count = usage_count_filter()


class ImageIndexView(images.IndexView):
    filterset_class = ImagesFilterSet

    @property
    def needs_usage_count_subquery(self):
        # Only to order by it (not offered while searching); filtering uses the subquery.
        return self.ordering in ["usage_count", "-usage_count"]


class DocumentIndexView(documents.IndexView):
    filterset_class = DocumentsFilterSet

    @property
    def needs_usage_count_subquery(self):
        return self.ordering in ["usage_count", "-usage_count"]
