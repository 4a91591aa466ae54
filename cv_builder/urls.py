app_name = "cv_builder"

urlpatterns = []
