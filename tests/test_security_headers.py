def script_src(response):
    policy = response.headers["Content-Security-Policy"]
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


def test_public_pages_forbid_inline_scripts(client, centre_a):
    response = client.get("/belencontre/")
    assert "'self'" in script_src(response)
    assert "unsafe-inline" not in script_src(response)
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_only_the_admin_gets_the_looser_script_policy(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "unsafe-inline" in script_src(response)
