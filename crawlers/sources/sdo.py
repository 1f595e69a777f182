"""Family `sdo`: the 76 provincial offices of social development and human security
(สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด), WordPress on `https://<slug>.m-society.go.th`, UTF-8.

One definition for all offices, parameterised by `province` (Thai name, with or without "จังหวัด",
or the slug). The base URL comes from the slug table below unless the instance gives `base_url`
(required when a province moves host; the slugs are RTGS romanisations without separators).
Discovery: `/category/news/`, `/category/news/page/N/` (`a.next.page-numbers`) and the RSS feed
`/feed/` (newest 10 items). Articles: `/archives/<id>`.
Quirks: themes differ per province, but `article.post h2.entry-title a` and `h1.entry-title` /
`div.entry-content` hold across them; comment counts and the "โพสต์ยอดนิยม" widget change without the
article changing, so the content hash covers title and `div.entry-content` only.
Bangkok has no office in this family (its social development is run by the BMA).
"""

from crawlers.sources.base import FamilyDefinition

PROVINCE_SLUGS: dict[str, str] = {
    "กระบี่": "krabi", "กาญจนบุรี": "kanchanaburi", "กาฬสินธุ์": "kalasin", "กำแพงเพชร": "kamphaengphet",
    "ขอนแก่น": "khonkaen", "จันทบุรี": "chanthaburi", "ฉะเชิงเทรา": "chachoengsao", "ชลบุรี": "chonburi",
    "ชัยนาท": "chainat", "ชัยภูมิ": "chaiyaphum", "ชุมพร": "chumphon", "เชียงราย": "chiangrai",
    "เชียงใหม่": "chiangmai", "ตรัง": "trang", "ตราด": "trat", "ตาก": "tak", "นครนายก": "nakhonnayok",
    "นครปฐม": "nakhonpathom", "นครพนม": "nakhonphanom", "นครราชสีมา": "nakhonratchasima",
    "นครศรีธรรมราช": "nakhonsithammarat", "นครสวรรค์": "nakhonsawan", "นนทบุรี": "nonthaburi",
    "นราธิวาส": "narathiwat", "น่าน": "nan", "บึงกาฬ": "buengkan", "บุรีรัมย์": "buriram",
    "ปทุมธานี": "pathumthani", "ประจวบคีรีขันธ์": "prachuapkhirikhan", "ปราจีนบุรี": "prachinburi",
    "ปัตตานี": "pattani", "พระนครศรีอยุธยา": "ayutthaya", "พะเยา": "phayao", "พังงา": "phangnga",
    "พัทลุง": "phatthalung", "พิจิตร": "phichit", "พิษณุโลก": "phitsanulok", "เพชรบุรี": "phetchaburi",
    "เพชรบูรณ์": "phetchabun", "แพร่": "phrae", "ภูเก็ต": "phuket", "มหาสารคาม": "mahasarakham",
    "มุกดาหาร": "mukdahan", "แม่ฮ่องสอน": "maehongson", "ยโสธร": "yasothon", "ยะลา": "yala",
    "ร้อยเอ็ด": "roiet", "ระนอง": "ranong", "ระยอง": "rayong", "ราชบุรี": "ratchaburi", "ลพบุรี": "lopburi",
    "ลำปาง": "lampang", "ลำพูน": "lamphun", "เลย": "loei", "ศรีสะเกษ": "sisaket", "สกลนคร": "sakonnakhon",
    "สงขลา": "songkhla", "สตูล": "satun", "สมุทรปราการ": "samutprakan", "สมุทรสงคราม": "samutsongkhram",
    "สมุทรสาคร": "samutsakhon", "สระแก้ว": "sakaeo", "สระบุรี": "saraburi", "สิงห์บุรี": "singburi",
    "สุโขทัย": "sukhothai", "สุพรรณบุรี": "suphanburi", "สุราษฎร์ธานี": "suratthani", "สุรินทร์": "surin",
    "หนองคาย": "nongkhai", "หนองบัวลำภู": "nongbualamphu", "อ่างทอง": "angthong",
    "อำนาจเจริญ": "amnatcharoen", "อุดรธานี": "udonthani", "อุตรดิตถ์": "uttaradit",
    "อุทัยธานี": "uthaithani", "อุบลราชธานี": "ubonratchathani",
}  # fmt: skip
SLUG_PROVINCES = {slug: name for name, slug in PROVINCE_SLUGS.items()}


def province_name(value: str) -> str | None:
    """Thai province name for a Thai name (with or without "จังหวัด") or a slug; None if unknown."""
    value = value.strip().removeprefix("จังหวัด").strip()
    if value in PROVINCE_SLUGS:
        return value
    return SLUG_PROVINCES.get(value.lower())


def base_url_for(province: str) -> str:
    return f"https://{PROVINCE_SLUGS[province]}.m-society.go.th"


def check_sdo_params(
    params: dict[str, str], base_url: str | None
) -> tuple[list[tuple[str | None, str]], str | None]:
    name = province_name(params.get("province", ""))
    if name is None:
        return [
            (
                "province",
                f"unknown province {params.get('province', '')!r}: use a Thai name such as 'ลำปาง' or a slug such as 'lampang'",
            )
        ], base_url
    params["province"] = name
    return [], base_url or base_url_for(name)


FAMILY = FamilyDefinition(
    name="sdo",
    listing_paths=("/category/news/",),
    feed_paths=("/feed/",),
    required_params=("province",),
    article_pattern=r"^/archives/\d+/?$",
    listing_link_selector="article.post h2.entry-title a",
    next_page_selector="a.next.page-numbers",
    title_selector="h1.entry-title",
    content_selectors=("h1.entry-title", "div.entry-content"),
    check_params=check_sdo_params,
)
