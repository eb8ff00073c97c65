from django.contrib.staticfiles.apps import StaticFilesConfig


class ProductStaticFilesConfig(StaticFilesConfig):
    """Static files, leaving out what plotly's package ships besides plotly.min.js.

    The web pages load plotly.js from the plotly package itself (one version for
    the web and the PDF); its data sets, templates and notebook widget bundle
    would only slow collectstatic down and weigh on every deployment.
    """

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "datasets", "templates",
                       "widgetbundle.js"]
