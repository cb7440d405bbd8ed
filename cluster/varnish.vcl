vcl 4.1;
# Varnish in front of the portal's app servers (docs/deploy.md, "Proxy").
#
# - Anonymous readers get HTML and static files from the cache; editors
#   (session cookie), the admin, POSTs and the visit figures always reach an
#   app server.
# - The portal purges: PURGE <address> drops one page, BAN / drops every
#   cached HTML page (core/varnish.py), from the app servers' addresses only.
# - Two app servers with health checks on /healthz/; a request whose app
#   server fails (killed, restarting) is retried on the other one.
import directors;

probe healthz {
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: 127.0.0.1"
        "Connection: close"
        "User-Agent: varnish-health-check";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8171";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8172";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the app servers (here all on this machine).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every page shows the site frame: a change drops every cached page
        # of every language and host. Static files stay (hashed names).
        ban("obj.http.X-Cache-Kind == html");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # bench/cluster.sh measures the app servers through the proxy; only from
    # the machines allowed to purge, so visitors cannot force misses.
    if (req.http.X-Cache-Bypass && client.ip ~ purgers) {
        return (pass);
    }
    if (req.url ~ "^/admin" || req.url ~ "^/healthz" || req.url ~ "^/[a-z]{2}/visits/figures/"
            || req.url ~ "^/[a-z]{2}/search/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous reader: no other cookie changes what the portal answers.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_fetch {
    # A retry goes to the other app server than the one that just failed
    # (the rotation alone may pick the failed one again under concurrency).
    if (bereq.retries == 0) {
        set bereq.backend = apps.backend();
    } elsif (bereq.backend == app1) {
        set bereq.backend = app2;
    } else {
        set bereq.backend = app1;
    }
}

sub vcl_backend_response {
    if (beresp.http.Content-Type ~ "^text/html") {
        set beresp.http.X-Cache-Kind = "html";
    } else {
        set beresp.http.X-Cache-Kind = "other";
    }
    # A server that failed mid-way (killed, restarting) is retried elsewhere;
    # only requests that are safe to repeat reach here uncached and retried.
    if (beresp.status >= 500 && bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.X-Cache-Kind == "html") {
        # Compressed once when stored; readers' browsers get the gzip copy
        # (static files come compressed from WhiteNoise already).
        set beresp.do_gzip = true;
    }
    if (beresp.status == 200 && beresp.http.X-Cache-Kind == "html") {
        # Publishing bans at once; the lifetime only bounds what the ban
        # cannot reach (see core/varnish.py).
        set beresp.ttl = 300s;
        set beresp.grace = 0s;
    } elsif (bereq.url ~ "^/static/") {
        set beresp.ttl = 1d;
    }
    return (deliver);
}

sub vcl_backend_error {
    # Connection refused or reset by a dead app server: try the next one.
    if (bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Cache-Kind;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
    # Browsers revalidate HTML with the proxy rather than keeping it: the
    # proxy's copy is the one publishing refreshes.
    if (resp.http.Content-Type ~ "^text/html" && !resp.http.Cache-Control) {
        set resp.http.Cache-Control = "no-cache";
    }
}
