import copy

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from participants.hostile_input import ReadsHostileInputMixin
from participants.models import Organization

from .blocks import (
    RICH_TEXT_FEATURES,
    LabelledCharBlock,
    ModuleBodyBlock,
    name_rich_text_editor,
)
from .cache import local_cached, published
from .i18n import (
    LANGUAGE_PARAMETER,
    content_language_names,
    explicit_language,
    locale_codes,
    locale_ids,
    requested_language,
)
from .unreadable_input import ExplainsTamperedFormsetsMixin

# Languages a course can be delivered in: the six official UN languages and the
# other working languages of partner organizations.
COURSE_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
    ("pt", _("Portuguese")),
    ("sw", _("Swahili")),
]
COURSE_LANGUAGE_NAMES = dict(COURSE_LANGUAGES)


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class ThematicArea(index.Indexed, models.Model):
    """A field of practice a course belongs to (mediation, early warning, …)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self):
        return self.name


def outcome_list(label, item_label):
    return StreamField(
        [("item", LabelledCharBlock(label=item_label))],
        blank=True,
        verbose_name=label,
    )


def family_rows(*, parents, children_of=None, depth=None):
    """Pages at the given paths plus the live children of ``children_of``, in one query.

    Children carry their module fields as ``estimated_minutes`` and ``summary``; pages
    come in tree order. Lets breadcrumbs and module lists render without a query each.
    """
    condition = models.Q(path__in=parents)
    if children_of is not None:
        condition |= models.Q(path__startswith=children_of, depth=depth, live=True)
    rows = list(
        Page.objects.filter(condition)
        .annotate(
            module_minutes=models.F("modulepage__estimated_minutes"),
            module_summary=models.F("modulepage__summary"),
        )
        .only("id", "title", "slug", "url_path", "path", "depth", "live", "translation_key")
        .order_by("path")
    )
    for row in rows:
        row.estimated_minutes = row.module_minutes
        row.summary = row.module_summary
    return rows


def view_restrictions_if_any(page):
    """Wagtail's check of a page's view restrictions, skipped while none exist anywhere.

    Wagtail looks up the restrictions of a page and its ancestors on every request (two
    queries); Concord sets none unless an editor chooses one. Whether any exists is
    cached with the content version, which saving or deleting a restriction changes.
    """
    if not local_cached("any-view-restriction", PageViewRestriction.objects.exists):
        return PageViewRestriction.objects.none()
    return Page.get_view_restrictions(page)


def language_choices(request, *, translation_key, locale_id) -> dict:
    """What a translated page offers about its language: the languages it is available
    in (links, its own first), and the visitor's language when it is not one of them.

    The live translations are cached with the content version, in process (no query and
    no Redis round trip once cached).
    """
    codes = local_cached("locale-codes", locale_codes)
    available = local_cached(
        f"translations:{translation_key}",
        lambda: tuple(
            sorted(
                codes.get(pk, "")
                for pk in Page.objects.live()
                .filter(translation_key=translation_key)
                .values_list("locale_id", flat=True)
            )
        ),
    )
    names = content_language_names()
    current = codes.get(locale_id, settings.LANGUAGE_CODE)
    wanted = getattr(request, "content_language", None) or requested_language(request)
    carried = explicit_language(request)
    return {
        "page_language": current,
        "page_language_name": names.get(current, current),
        "page_languages": [
            {
                "code": code,
                "name": names[code],
                "url": f"?{LANGUAGE_PARAMETER}={code}",
                "current": code == current,
            }
            for code in names
            if code in available or code == current
        ],
        "missing_language_name": names[wanted]
        if wanted in names and wanted not in available and wanted != current
        else "",
        "language_query": f"?{LANGUAGE_PARAMETER}={carried}" if carried else "",
    }


def crumbs(*pages):
    return [{"title": page.title, "url": page.url, "depth": page.depth} for page in pages]


def modules_readable_by(user, *, course_path: str, page: Page) -> bool:
    """Whether ``user`` may open the modules of the course at ``course_path``.

    Confirmed (or finished) participants of a session of the course, its session
    trainers and coordinators, its assigned trainers, and whoever may edit ``page`` (a
    module, or the course itself: rights on a course cover its modules). The one rule
    behind module pages (``ModulePage.serve``) and what the course page offers.

    Sessions are reached through their reverse relation from the course: content never
    imports the courses app (one query, two when the editor check is needed).
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    took_part = Q(
        sessions__enrollments__participant=user,
        sessions__enrollments__status__in=["confirmed", "completed", "not_completed"],
    )
    runs_it = Q(sessions__trainers=user) | Q(sessions__coordinators=user)
    # Sessions and trainers belong to the course in all its languages: to any of the
    # pages that share the translation key of the course at ``course_path``.
    same_course = CoursePage.objects.filter(path=course_path).values("translation_key")
    if (
        CoursePage.objects.filter(translation_key__in=same_course)
        .filter(took_part | runs_it | Q(trainers__user=user))
        .exists()
    ):
        return True
    return getattr(user, "can_access_admin", False) and page.permissions_for_user(user).can_edit()


class ConcordPageForm(ExplainsTamperedFormsetsMixin, ReadsHostileInputMixin, WagtailAdminPageForm):
    """The editor's form of every page type of ours: every rich-text editor is named by
    its field's label, and a field whose submitted value cannot even be read (a tampered
    StreamField count, broken Draftail JSON, a chooser id that is no id) gets a field
    error, not a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            name_rich_text_editor(field.widget, field.label)


class HomePage(Page):
    """The portal's front page: what the joint programme is, and where to start."""

    base_form_class = ConcordPageForm

    intro_title = models.CharField(_("headline"), max_length=160)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    partners_intro = RichTextField(_("about the partnership"), blank=True)

    base_form_class = ConcordPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro_title"),
        FieldPanel("intro"),
        FieldPanel("partners_intro"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    get_view_restrictions = view_restrictions_if_any
    subpage_types = ["cms.CatalogPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        # Wagtail routes from the site root's ``localized`` translation (two queries);
        # ``route`` picks the visitor's translation itself, page by page.
        return self

    def route(self, request, path_components):
        """Resolve a URL under the site in one query instead of one or two per level.

        The page tree rules fix the page type at every depth below the home page (home →
        catalogue → course → module), so the page a path names can be fetched directly
        from its specific model by ``url_path``. Wagtail's own routing remains the
        fallback for any path the rules do not determine.

        Every language's tree has the same URLs: the path is looked up in this (the
        site's) tree, and the same query brings the page's live translation in the
        visitor's language (``cms.i18n``), which is served instead when there is one.
        """
        model = type(self)
        for _component in path_components:
            children = model.allowed_subpage_models()
            if len(children) != 1:
                return super().route(request, path_components)
            model = children[0]
        wanted = requested_language(request)
        request.content_language = wanted
        # The page a path names in the visitor's language is the same for every visitor
        # until something is published: kept per content version, in process (a dict
        # look-up instead of a compiled query). Only live pages are found here; view
        # restrictions are checked after routing (Wagtail's before_serve_page hook) and
        # previews do not route, so nothing private or unpublished can leak through it.
        # A path that names no page is not kept (any path can be asked for).
        found = local_cached(
            f"route:{self.pk}:{wanted}:{'/'.join(path_components)}",
            lambda: self.find_live_page(model, path_components, wanted),
        )
        if not found:
            return super().route(request, path_components)
        # Each request gets its own copy: views set attributes on the page they serve.
        page = copy.copy(found)
        return Page.route(page, request, [])

    def find_live_page(self, model, path_components, wanted):
        """The live page of ``model`` at ``path_components`` under this home page, in the
        ``wanted`` language when translated into it, else in this site's language, else
        in the default one: one query."""
        locales = locale_ids()
        choices = {locales.get(wanted), locales.get(settings.LANGUAGE_CODE), self.locale_id}
        if model is type(self):
            url_path, slug = self.url_path, self.slug
        else:
            url_path = self.url_path + "/".join(path_components) + "/"
            slug = path_components[-1]
        # A page model may name what its template always needs (``routing_queryset``).
        queryset = getattr(model, "routing_queryset", model.objects.all)()
        # slug is indexed, url_path is not: the slug narrows the search to a few rows.
        named = model.objects.filter(slug=slug, url_path=url_path).values("translation_key")
        pages = {
            page.locale_id: page
            for page in queryset.filter(
                translation_key__in=named[:1], locale_id__in=choices - {None}, live=True
            )
        }
        return (
            pages.get(locales.get(wanted))
            or pages.get(self.locale_id)
            or pages.get(locales.get(settings.LANGUAGE_CODE))
        )

    def get_context(self, request, *args, **kwargs):
        from .selectors import featured_courses, partner_organizations  # noqa: PLC0415 -- cycle

        context = super().get_context(request, *args, **kwargs)
        context.update(
            published(
                request,
                f"home:{self.pk}",
                lambda: {
                    "featured_courses": featured_courses(home=self),
                    "partners": partner_organizations(),
                    "catalog": CatalogPage.objects.live().child_of(self).first(),
                },
            )
        )
        return context


class CatalogPage(Page):
    """The course catalogue: searchable and filterable list of its child courses."""

    base_form_class = ConcordPageForm

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = ConcordPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    get_view_restrictions = view_restrictions_if_any
    subpage_types = ["cms.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .catalog import CatalogQuery, search_catalog  # noqa: PLC0415 -- cycle

        context = super().get_context(request, *args, **kwargs)
        query = CatalogQuery.from_params(request.GET)
        context["query"] = query
        context["results"] = search_catalog(
            catalog=self, query=query, language=requested_language(request)
        )
        context["breadcrumbs"] = crumbs(self)
        return context


class CoursePageForm(ConcordPageForm):
    languages = forms.TypedMultipleChoiceField(
        label=_("Languages"),
        choices=COURSE_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages the course is delivered in."),
    )

    def clean_languages(self):
        # Keep the canonical order whatever order the boxes were ticked in.
        chosen = set(self.cleaned_data["languages"])
        return [code for code, _label in COURSE_LANGUAGES if code in chosen]


class CoursePage(Page):
    """A course of the joint programme; its children are the training modules."""

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences for catalogue cards.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learning_outcomes = outcome_list(_("Learning outcomes"), _("Outcome"))
    target_audience = RichTextField(_("target audience"), features=RICH_TEXT_FEATURES)
    prerequisites = RichTextField(_("prerequisites"), blank=True, features=RICH_TEXT_FEATURES)
    duration_hours = models.PositiveSmallIntegerField(
        _("duration (hours)"), help_text=_("Total learning time, sessions and self-study.")
    )
    languages = models.JSONField(_("languages"), default=list)
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices
    )
    thematic_areas = ParentalManyToManyField(
        ThematicArea, verbose_name=_("thematic areas"), related_name="courses"
    )
    partner_organizations = ParentalManyToManyField(
        Organization,
        verbose_name=_("partner organizations"),
        related_name="courses",
        # Organizations people named on their profile are partners only once reviewed.
        limit_choices_to={"reviewed": True},
        help_text=_("The UN entities and regional organizations that run the course together."),
    )
    featured = models.BooleanField(_("feature on the home page"), default=False)

    base_form_class = CoursePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("learning_outcomes"),
        FieldPanel("target_audience"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("duration_hours"),
                FieldPanel("delivery_mode"),
                FieldPanel("languages"),
            ],
            heading=_("Format"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("thematic_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partner_organizations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("featured"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("target_audience"),
        index.SearchField("learning_outcomes"),
        index.RelatedFields("thematic_areas", [index.SearchField("name")]),
        index.RelatedFields(
            "partner_organizations", [index.SearchField("name"), index.SearchField("acronym")]
        ),
    ]
    parent_page_types = ["cms.CatalogPage"]
    get_view_restrictions = view_restrictions_if_any
    subpage_types = ["cms.ModulePage"]

    @classmethod
    def routing_queryset(cls):
        return cls.objects.select_related("hero_image")

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        unknown = set(self.languages or []) - set(COURSE_LANGUAGE_NAMES)
        if unknown or not self.languages:
            raise ValidationError({"languages": _("Choose at least one of the listed languages.")})

    @property
    def language_names(self):
        return [
            COURSE_LANGUAGE_NAMES[code] for code in self.languages if code in COURSE_LANGUAGE_NAMES
        ]

    def family(self):
        """The catalogue row, live modules, thematic areas and partners: 3 queries."""
        catalog, *modules = family_rows(
            parents=[self.path[: -self.steplen]], children_of=self.path, depth=self.depth + 1
        )
        return {
            "catalog": catalog,
            "modules": modules,
            "areas": list(self.thematic_areas.all()),
            "partners": list(self.partner_organizations.select_related("logo")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept in process: the family's pages are only read, never changed, by the page.
        family = (
            self.family()
            if getattr(request, "is_preview", False)
            else local_cached(f"course:{self.pk}", self.family)
        )
        catalog, modules = family["catalog"], family["modules"]
        self.area_list, self.partner_list = family["areas"], family["partners"]
        context["course"] = self
        context["catalog"] = catalog
        context["catalog_url"] = catalog.url
        context["modules"] = modules
        context["total_minutes"] = sum(m.estimated_minutes or 0 for m in modules)
        # Offer the modules only to whoever may open them: others are sent back here.
        context["can_open_modules"] = bool(modules) and modules_readable_by(
            request.user, course_path=self.path, page=self
        )
        context["breadcrumbs"] = crumbs(catalog, self)
        context.update(
            language_choices(
                request, translation_key=self.translation_key, locale_id=self.locale_id
            )
        )
        return context


class ModulePage(Page):
    """A training module: the learning content of one part of a course."""

    base_form_class = ConcordPageForm

    summary = models.TextField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), help_text=_("How long a participant needs for it.")
    )
    learning_objectives = outcome_list(_("Learning objectives"), _("Objective"))
    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"))

    base_form_class = ConcordPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("learning_objectives"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.CoursePage"]
    get_view_restrictions = view_restrictions_if_any
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training module")

    def serve(self, request, *args, **kwargs):
        # Training material is for the course's confirmed participants and the people who
        # run or edit it; the course page stays public and invites everyone else to enroll.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
        if not self.is_readable_by(request.user):
            course = CoursePage.objects.only("url_path", "path", "depth").get(
                path=self.path[: -self.steplen]
            )
            messages.info(
                request,
                _(
                    "The modules of this course are open to the confirmed participants of "
                    "its sessions. Enroll in a session below to follow them."
                ),
            )
            return redirect(course.url + "#sessions")
        return super().serve(request, *args, **kwargs)

    def is_readable_by(self, user) -> bool:
        """Whether ``user`` may open this module: see ``modules_readable_by``."""
        return modules_readable_by(user, course_path=self.path[: -self.steplen], page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course_path = self.path[: -self.steplen]
        catalog, course, *siblings = published(
            request,
            f"course-outline:{course_path}",
            lambda: family_rows(
                parents=[course_path[: -self.steplen], course_path],
                children_of=course_path,
                depth=self.depth,
            ),
        )
        if self.pk not in {m.pk for m in siblings}:
            # A draft seen in the editor's preview is not live yet: show it in place.
            siblings = sorted([*siblings, self], key=lambda m: m.path or "~")
        position = next(i for i, m in enumerate(siblings) if m.pk == self.pk)
        context["catalog"] = catalog
        context["course"] = course
        context["modules"] = siblings
        context["position"] = position + 1
        context["previous_module"] = siblings[position - 1] if position else None
        context["next_module"] = siblings[position + 1] if position + 1 < len(siblings) else None
        context["breadcrumbs"] = crumbs(catalog, course, self)
        context.update(
            language_choices(
                request, translation_key=self.translation_key, locale_id=self.locale_id
            )
        )
        return context


class CourseTrainer(models.Model):
    """A trainer assigned to a course: they may edit it and its modules, subject to review.

    Rows are created and removed by ``cms.services.assign_trainer`` / ``unassign_trainer``,
    which keep the course's Wagtail page permissions in step.
    """

    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="trainers",
        db_index=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="course_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("course trainer")
        verbose_name_plural = _("course trainers")
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="unique_course_trainer")
        ]

    def __str__(self):
        return f"{self.user} → {self.course}"


from .search_models import CourseSearchDocument  # noqa: E402, F401 -- the app's model, kept apart
