"""StreamField blocks of a training module."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def name_rich_text_editor(widget, label):
    """Give a Draftail editor an accessible name.

    Wagtail's ``<label for>`` points at Draftail's hidden input, not at the editable
    ``role="textbox"`` area, so screen readers (and axe-core) find an unnamed field;
    Draftail passes an ``ariaLabel`` option on to that area.
    """
    # Imported here: Wagtail's admin widgets need the app registry, blocks load before it.
    from wagtail.admin.rich_text.editors.draftail import (  # noqa: PLC0415 -- app registry not ready
        DraftailRichTextArea,
    )

    if isinstance(widget, DraftailRichTextArea) and label:
        widget.options = {**widget.options, "ariaLabel": label}
    return widget


class LabelledCharBlock(blocks.CharBlock):
    """A text block named by its label even where Wagtail shows no ``<label>`` for it.

    An item of a list or a stream (a learning objective, a question, a heading) is shown
    under the block's header only: the input itself has no name without ``aria-label``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if kwargs.get("label"):
            self.field.widget.attrs["aria-label"] = kwargs["label"]


class LabelledRichTextBlock(blocks.RichTextBlock):
    """A rich-text block whose editor is named by the block's label."""

    @cached_property
    def field(self):
        field = super().field
        name_rich_text_editor(field.widget, self.label)
        return field


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title"), help_text=_("Announced to screen readers."))
    transcript = LabelledRichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        template = "cms/blocks/video.html"


class HandoutBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/handout.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    context = LabelledRichTextBlock(label=_("The case"), features=RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(
        LabelledCharBlock(label=_("Question")), label=_("Questions"), required=False
    )

    class Meta:
        icon = "folder-open-inverse"
        template = "cms/blocks/case_study.html"


class ReadingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    publisher = blocks.CharBlock(label=_("Author or publisher"), required=False)
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1900, max_value=2100)
    url = blocks.URLBlock(label=_("Link"), required=False)


class ModuleBodyBlock(blocks.StreamBlock):
    heading = LabelledCharBlock(
        label=_("Heading"), icon="title", template="cms/blocks/heading.html"
    )
    paragraph = LabelledRichTextBlock(label=_("Rich text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock(label=_("Image"))
    video = VideoBlock(label=_("Embedded video"))
    handout = HandoutBlock(label=_("Downloadable handout"))
    case_study = CaseStudyBlock(label=_("Case study"))
    discussion_questions = blocks.ListBlock(
        LabelledCharBlock(label=_("Question")),
        label=_("Discussion questions"),
        icon="help",
        template="cms/blocks/discussion_questions.html",
    )
    key_takeaways = blocks.ListBlock(
        LabelledCharBlock(label=_("Takeaway")),
        label=_("Key takeaways"),
        icon="tick-inverse",
        template="cms/blocks/key_takeaways.html",
    )
    further_reading = blocks.ListBlock(
        ReadingBlock(),
        label=_("Further reading"),
        icon="list-ul",
        template="cms/blocks/further_reading.html",
    )
