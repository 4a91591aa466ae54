"""Mounted at /vote/ by config/urls.py: the address printed on the voting-code cards."""

from django.urls import path

from participation import views_short

app_name = "participation_short"

urlpatterns = [path("", views_short.vote_with_code, name="vote")]
