"""StreamField blocks of a training module."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


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
    transcript = blocks.RichTextBlock(
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
    context = blocks.RichTextBlock(label=_("The case"), features=RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question")), label=_("Questions"), required=False
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
    heading = blocks.CharBlock(label=_("Heading"), icon="title", template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Rich text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock(label=_("Image"))
    video = VideoBlock(label=_("Embedded video"))
    handout = HandoutBlock(label=_("Downloadable handout"))
    case_study = CaseStudyBlock(label=_("Case study"))
    discussion_questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question")),
        label=_("Discussion questions"),
        icon="help",
        template="cms/blocks/discussion_questions.html",
    )
    key_takeaways = blocks.ListBlock(
        blocks.CharBlock(label=_("Takeaway")),
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
