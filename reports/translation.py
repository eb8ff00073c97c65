from modeltranslation.translator import TranslationOptions, register

from reports.models import Action, Benefit, Kpi, ReferenceDistribution


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("name",)


@register(Kpi)
class KpiTranslation(TranslationOptions):
    fields = ("name", "definition", "formula")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ReferenceDistribution)
class ReferenceTranslation(TranslationOptions):
    fields = ("name", "source")
