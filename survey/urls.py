from django.urls import path

from survey import views

app_name = "assessment"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("method/", views.method, name="method"),
    path("start/", views.start, name="start"),
    path("r/<str:token>/", views.resume, name="resume"),
    path("r/<str:token>/step/<int:step>/", views.dimension_page, name="dimension"),
    path("r/<str:token>/answer/", views.autosave, name="autosave"),
    path("r/<str:token>/email-link/", views.email_link, name="email_link"),
    path("r/<str:token>/review/", views.review, name="review"),
    path("r/<str:token>/results/", views.results, name="results"),
]
