app_name = "toolkit"

urlpatterns = []
