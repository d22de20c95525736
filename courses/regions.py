"""Duty stations grouped by the regions of the UN geoscheme (M49), for cohort balance.

Only the five continental regions are used; a country the scheme leaves out
(Antarctica) or a code it does not know falls under ``OTHER``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
    OTHER = "other", _("Other or unknown")


_MEMBERS = {
    Region.AFRICA: (
        # Northern, Eastern, Middle, Southern and Western Africa
        "DZ EG LY MA SD TN EH "
        "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW "
        "AO CM CF TD CG CD GQ GA ST "
        "BW SZ LS NA ZA "
        "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"
    ),
    Region.AMERICAS: (
        # Caribbean, Central America, South America, Northern America
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI "
        "BZ CR SV GT HN MX NI PA "
        "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE "
        "BM CA GL PM US"
    ),
    Region.ASIA: (
        # Central, Eastern, South-eastern, Southern and Western Asia
        "KZ KG TJ TM UZ "
        "CN HK MO KP JP MN KR TW "
        "BN KH ID LA MY MM PH SG TH TL VN "
        "AF BD BT IN IR MV NP PK LK "
        "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"
    ),
    Region.EUROPE: (
        # Eastern, Northern, Southern and Western Europe
        "BY BG CZ HU PL MD RO RU SK UA "
        "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB "
        "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK "
        "AT BE FR DE LI LU MC NL CH"
    ),
    Region.OCEANIA: (
        # Australia and New Zealand, Melanesia, Micronesia, Polynesia
        "AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF"
    ),
}

REGION_OF_COUNTRY: dict[str, Region] = {
    code: region for region, codes in _MEMBERS.items() for code in codes.split()
}


def region_of(country_code) -> Region:
    """The region of an ISO 3166-1 alpha-2 code (or a django-countries ``Country``)."""
    code = str(getattr(country_code, "code", country_code) or "").upper()
    return REGION_OF_COUNTRY.get(code, Region.OTHER)
