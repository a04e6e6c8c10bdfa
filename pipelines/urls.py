"""URL normalisation for archive keys: tracking parameters out, fragments out, canonical checks."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that identify a click or a campaign, never the document.
_TRACKING_EXACT = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatracking",
        "mkt_tok",
        "igshid",
        "srsltid",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "vero_conv",
        "rb_clickid",
        "s_cid",
        "cmpid",
        "ncid",
        "ocid",
        "sr_share",
        "at_medium",
        "at_campaign",
        "ref_src",
        "ref_url",
        "spm",
        "smid",
        "wt_mc",
        "wt.mc_id",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "itm_")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


# A URL with nothing to drop or lower-case: http(s), a lower-case host, a port that is neither the
# default nor out of range, a path, no query, no fragment. clean_url returns it as it is, without the
# split and join that every link of every crawled page would otherwise cost.
_CLEAN = re.compile(r"https?://[a-z0-9.-]+(?::([1-9][0-9]{0,4}))?/[^?#\s]*")


def clean_url(url: str) -> str:
    """Drop tracking parameters and the fragment; lower-case scheme and host; keep everything else."""
    url = (url or "").strip()
    if not url:
        return url
    plain = _CLEAN.fullmatch(url)
    if plain and (not plain[1] or int(plain[1]) not in (80, 443) and int(plain[1]) <= 65535):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    netloc = parts.netloc.lower()
    if parts.port and (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        netloc = netloc.rsplit(":", 1)[0]
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query, doseq=True), ""))


def _site(host: str) -> str:
    host = (host or "").lower().split(":")[0]
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def same_site(a: str, b: str) -> bool:
    """Same registrable-ish site: hosts equal once www./m./amp. are dropped, or one is a subdomain."""
    ha, hb = _site(urlsplit(a).netloc), _site(urlsplit(b).netloc)
    if not ha or not hb:
        return False
    return ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha)


_SECTION_SEGMENTS = re.compile(
    r"^(news|blog|blogs|articles?|posts?|stories|story|category|categories|tag|tags|topics?|section|"
    r"sections|archive|archives|latest|index(\.\w+)?|home|page|[a-z]{2}(-[a-z]{2})?)$",
    re.I,
)


def is_front_page(url: str) -> bool:
    """A home page or a section front (one generic segment), which an article must not canonicalise to."""
    path = urlsplit(url).path.strip("/")
    if not path:
        return True
    segments = path.split("/")
    return all(_SECTION_SEGMENTS.match(s) for s in segments) and len(segments) <= 2


def choose_key_url(fetched_url: str, candidates: list[str]) -> str:
    """The first trustworthy canonical candidate (same site, not a front page), else the fetched URL."""
    for candidate in candidates:
        candidate = (candidate or "").strip()
        if not candidate:
            continue
        absolute = urljoin(fetched_url, candidate) if fetched_url else candidate
        if not absolute.lower().startswith(("http://", "https://")):
            continue
        if fetched_url and not same_site(absolute, fetched_url):
            continue
        if is_front_page(absolute) and not is_front_page(fetched_url):
            continue
        return clean_url(absolute)
    return clean_url(fetched_url)
