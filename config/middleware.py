from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin the looser policy it needs (it still ships inline scripts).

    Listed after Django's ContentSecurityPolicyMiddleware, so it marks the response before
    that middleware writes the header. Public pages keep the strict policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        return response
