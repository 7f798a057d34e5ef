"""The records of the four articles the project started from, each cited to its article(s).

Where an article is vague the record stays vague: "twin cities for the past 20 years",
said in 2018, is "c. 1998". Where it gives no year, the year worked out from its context
is marked inferred: "launched this past January", in an article of July 2018, is
"January [2018]"; "from June 5 to 7", in an article that gives no year, is
"5-7 June [2018]". Records refer to each other by slug (places, people, sectors) or by
URL (sources). Each source names its article's file in `../shared/articles/`, whose text
the loader stores (the repository keeps no article text), and `EVIDENCE` quotes each
fact's words, short clauses checked against those texts.
"""

from datetime import date

from cooperation.models import (
    AgreementKind,
    Country,
    Language,
    MunicipalityLevel,
    OperatingStatus,
    PlaceRole,
    PublisherCountry,
    PublisherKind,
    Side,
)
from cooperation.models.places import OrganizationKind
from cooperation.partial_dates import Precision, Qualifier

ZH, HE = "zh", "he"

ECNS = "http://www.ecns.cn/business/2018/04-10/298581.shtml"
XEBERSAATI = (
    "http://www.xebersaati.com/news/216286-beijing-science-park-opens-tel-aviv-liaison-office/"
)
SHINE = "https://www.shine.cn/news/metro/1806086024/"
CHINA_KNOWLEDGE = "https://www.chinaknowledge.com/News/DetailNews?id=71211"

SOURCES = [
    {
        "url": ECNS,
        "article": "000_a8a945236267fc5f.txt",
        "publisher_kind": PublisherKind.STATE_MEDIA,
        "publisher_country": PublisherCountry.CHINA,
        "title": "China's \"Silicon Valley\" to open liaison office in Israel's Tel Aviv",
        "publisher": "ECNS (China News Service), carrying a Xinhua report",
        "published_date": date(2018, 4, 10),
        "published_precision": Precision.DAY,
        "language": Language.ENGLISH,
        "notes": "Article 000 of the project's starting set. The text carries no date of "
        "its own; the date is the one in its URL.",
    },
    {
        "url": XEBERSAATI,
        "article": "001_1eea4c225284be1f.txt",
        "publisher_kind": PublisherKind.INDEPENDENT,
        "publisher_country": PublisherCountry.OTHER,
        "title": "Beijing Science Park opens Tel Aviv liaison office",
        "publisher": "xebersaati.com, reporting Globes",
        "published_date": date(2018, 4, 13),
        "published_precision": Precision.DAY,
        "language": Language.ENGLISH,
        "notes": "Article 001 of the project's starting set. Reports the same announcement "
        "as article 000.",
    },
    {
        "url": SHINE,
        "article": "002_1cadeedc04271651.txt",
        "publisher_kind": PublisherKind.STATE_MEDIA,
        "publisher_country": PublisherCountry.CHINA,
        "title": "Shanghai mayor visits Israel to deepen cooperation in innovation and key "
        "industries",
        "publisher": "Shanghai Daily (SHINE)",
        "published_date": date(2018, 6, 1),
        "published_precision": Precision.MONTH,
        "published_qualifier": Qualifier.INFERRED,
        "language": Language.ENGLISH,
        "notes": "Article 002 of the project's starting set. The text carries no date of "
        "its own; the month is that of the visit it reports.",
    },
    {
        "url": CHINA_KNOWLEDGE,
        "article": "003_634055cfa7829ccb.txt",
        "publisher_kind": PublisherKind.INDEPENDENT,
        "publisher_country": PublisherCountry.OTHER,
        "title": "A small city in southern China is looking to Israel to help transform into "
        "innovation hub",
        "publisher": "China Knowledge",
        "published_date": date(2018, 7, 20),
        "published_precision": Precision.DAY,
        "language": Language.ENGLISH,
        "notes": "Article 003 of the project's starting set.",
    },
]

SECTORS = {
    "technology": "Technology",
    "education": "Education",
    "culture": "Culture",
    "art": "Art",
    "municipal-knowledge-exchange": "Municipal knowledge exchange",
    "science": "Science",
    "innovation": "Innovation and start-ups",
    "trade": "Trade and investment",
    "communication-technologies": "Communication technologies",
    "artificial-intelligence": "Artificial intelligence",
    "biomedicine": "Biomedicine",
    "integrated-circuits": "Integrated circuits",
    "ports": "Ports and shipping",
    "life-sciences": "Life sciences",
    "internet-of-things": "Internet of things",
    "smart-logistics": "Smart logistics",
    "advanced-manufacturing": "Advanced manufacturing",
}

MUNICIPALITIES = [
    {
        "slug": "beijing",
        "name": "Beijing",
        "name_he": "בייג'ינג",
        "name_zh": "北京",
        "aliases": ["Beijing Municipality", "Peking", "北京市"],
        "country": Country.CHINA,
        "level": MunicipalityLevel.PROVINCIAL_MUNICIPALITY,
        "wikidata_id": "Q956",
    },
    {
        "slug": "tel-aviv-yafo",
        "name": "Tel Aviv-Yafo",
        "name_zh": "特拉维夫-雅法",
        "name_he": "תל אביב-יפו",
        "aliases": ["Tel Aviv", "Tel Aviv-Jaffa", "תל אביב", "特拉维夫"],
        "country": Country.ISRAEL,
        "level": MunicipalityLevel.CITY,
        "wikidata_id": "Q33935",
        "description": "Israel's financial center; described by Beijing's vice mayor in 2018 "
        "as the center of the Israeli ecosystem.",
    },
    {
        "slug": "shanghai",
        "name": "Shanghai",
        "name_he": "שנגחאי",
        "name_zh": "上海",
        "aliases": ["上海市"],
        "country": Country.CHINA,
        "level": MunicipalityLevel.PROVINCIAL_MUNICIPALITY,
        "wikidata_id": "Q8686",
    },
    {
        "slug": "haifa",
        "name": "Haifa",
        "name_zh": "海法",
        "name_he": "חיפה",
        "country": Country.ISRAEL,
        "level": MunicipalityLevel.CITY,
        "wikidata_id": "Q41621",
        "description": "Israel's biggest port city (Shanghai Daily, June 2018).",
    },
    {
        "slug": "guangdong",
        "name": "Guangdong",
        "name_he": "גואנגדונג",
        "name_zh": "广东",
        "aliases": ["Guangdong Province", "广东省"],
        "country": Country.CHINA,
        "level": MunicipalityLevel.PROVINCE,
        "wikidata_id": "Q15175",
    },
    {
        "slug": "dongguan",
        "name": "Dongguan",
        "name_he": "דונגגואן",
        "name_zh": "东莞",
        "aliases": ["东莞市"],
        "country": Country.CHINA,
        "level": MunicipalityLevel.PREFECTURE_CITY,
        "parent": "guangdong",
        "population": 8_200_000,
        "population_year": 2018,
        "description": (
            "Described by its trade office in 2018 as an industrial manufacturing hub seeking "
            "to transform into an innovation economy. With its neighbours Shenzhen, Guangzhou "
            "and Hong Kong it forms the Greater Bay Area; besides its office in Israel it "
            "opted for a trade office in San Francisco and trade representatives in Dubai, "
            "Johannesburg, Tokyo and Vancouver (China Knowledge, 20 July 2018)."
        ),
    },
]

ORGANIZATIONS = [
    {
        "slug": "zhongguancun-science-park",
        "name": "Zhongguancun Science Park",
        "name_zh": "中关村科技园区",
        "aliases": ["Z-Park", "Zhongguancun", "China's Silicon Valley", "中关村"],
        "kind": OrganizationKind.SCIENCE_PARK,
        "country": Country.CHINA,
        "municipality": "beijing",
        "description": (
            "Known as “China's Silicon Valley”: home to nearly 20,000 hi-tech enterprises, "
            "including Lenovo, Baidu and Xiaomi, and to leading Chinese universities. The "
            "combined turnover of its hi-tech industries exceeded 5 trillion yuan (almost "
            "US$800 billion) in 2017, according to Beijing vice mayor Yin Hejun. It had 10 "
            "overseas liaison offices, including in the US, before the one in Tel Aviv."
        ),
    },
    {
        "slug": "israel-innovation-authority",
        "name": "Israel Innovation Authority",
        "name_zh": "以色列创新署",
        "name_he": "רשות החדשנות",
        "aliases": ["IIA", "Israeli Innovation Authority"],
        "kind": OrganizationKind.GOVERNMENT,
        "country": Country.ISRAEL,
        "description": "Dedicated to the commercialization of Israel's technological research "
        "findings (its chairman Ami Appelbaum, June 2018).",
    },
    {
        "slug": "shanghai-science-and-technology-commission",
        "name": "Shanghai Science and Technology Commission",
        "name_zh": "上海市科学技术委员会",
        "aliases": [
            "Shanghai STC",
            "STCSM",
            "Science and Technology Commission of Shanghai Municipality",
        ],
        "kind": OrganizationKind.GOVERNMENT,
        "country": Country.CHINA,
        "municipality": "shanghai",
    },
    {
        "slug": "shanghai-international-port-group",
        "name": "Shanghai International Port Group",
        "name_zh": "上海国际港务（集团）股份有限公司",
        "aliases": ["SIPG", "Shanghai International Port Co", "上港集团"],
        "kind": OrganizationKind.COMPANY,
        "country": Country.CHINA,
        "municipality": "shanghai",
    },
    {
        "slug": "port-of-haifa",
        "name": "Port of Haifa",
        "name_zh": "海法港",
        "name_he": "נמל חיפה",
        "aliases": ["Haifa port"],
        "kind": OrganizationKind.PORT,
        "country": Country.ISRAEL,
        "municipality": "haifa",
    },
    {
        "slug": "israel-ministry-of-economy-and-industry",
        "name": "Ministry of Economy and Industry of Israel",
        "name_zh": "以色列经济与产业部",
        "name_he": "משרד הכלכלה והתעשייה",
        "kind": OrganizationKind.GOVERNMENT,
        "country": Country.ISRAEL,
    },
    {
        "slug": "israel-ministry-of-science-technology-and-space",
        "name": "Ministry of Science, Technology and Space of Israel",
        "name_he": "משרד המדע, הטכנולוגיה והחלל",
        "kind": OrganizationKind.GOVERNMENT,
        "country": Country.ISRAEL,
    },
    {
        "slug": "embassy-of-china-in-israel",
        "name": "Embassy of China in Israel",
        "name_he": "שגרירות סין בישראל",
        "name_zh": "中华人民共和国驻以色列国大使馆",
        "aliases": ["Embassy of China to Israel", "Chinese Embassy in Israel"],
        "kind": OrganizationKind.DIPLOMATIC,
        "country": Country.CHINA,
    },
    {
        "slug": "consulate-general-of-israel-in-shanghai",
        "name": "Consulate General of Israel in Shanghai",
        "name_zh": "以色列驻上海总领事馆",
        "name_he": "הקונסוליה הכללית של ישראל בשנגחאי",
        "kind": OrganizationKind.DIPLOMATIC,
        "country": Country.ISRAEL,
    },
    {
        "slug": "shanghai-aowei-technology",
        "name": "Shanghai Aowei Technology",
        "aliases": ["Aowei Technology"],
        "kind": OrganizationKind.COMPANY,
        "country": Country.CHINA,
        "municipality": "shanghai",
        "description": "Runs a super-capacitor demonstration bus route in Tel Aviv-Yafo "
        "(Shanghai Daily, June 2018).",
    },
    {
        "slug": "mobileye",
        "name": "Mobileye",
        "name_he": "מובילאיי",
        "kind": OrganizationKind.COMPANY,
        "country": Country.ISRAEL,
        "description": "Unmanned-vehicle company.",
    },
    {
        "slug": "techcode-israel-global-innovation-center",
        "name": "Techcode Israel Global Innovation Center",
        "name_zh": "太库以色列全球创新中心",
        "aliases": ["Techcode Israel"],
        "kind": OrganizationKind.OTHER,
        "country": Country.ISRAEL,
    },
]

PEOPLE = [
    {
        "slug": "yin-hejun",
        "name": "Yin Hejun",
        "name_he": "יין חה-ג'ון",
        "name_zh": "阴和俊",
        "aliases": ["Hejun"],
    },
    {
        "slug": "doron-sapir",
        "name": "Doron Sapir",
        "name_he": "דורון ספיר",
    },
    {
        "slug": "ron-huldai",
        "name": "Ron Huldai",
        "name_he": "רון חולדאי",
        "notes": "Mayor of Tel Aviv in April 2018. According to deputy mayor Doron Sapir he "
        "defined the relationship with Beijing as a prime strategic goal of Tel Aviv's foreign "
        "relations (xebersaati.com, reporting Globes, 13 April 2018).",
    },
    {"slug": "ying-yong", "name": "Ying Yong", "name_zh": "应勇", "name_he": "יינג יונג"},
    {"slug": "eli-cohen", "name": "Eli Cohen", "name_he": "אלי כהן"},
    {
        "slug": "ofir-akunis",
        "name": "Ofir Akunis",
        "name_he": "אופיר אקוניס",
    },
    {
        "slug": "ami-appelbaum",
        "name": "Ami Appelbaum",
        "name_he": "עמי אפלבאום",
    },
    {"slug": "yona-yahav", "name": "Yona Yahav", "name_he": "יונה יהב"},
    {"slug": "cai-weiming", "name": "Cai Weiming"},
    {
        "slug": "eyal-propper",
        "name": "Eyal Propper",
        "name_he": "אייל פרופר",
    },
    {
        "slug": "eric-qian-wang",
        "name": "Eric (Qian) Wang",
        "aliases": ["Eric Wang", "Qian Wang", "Wang Qian"],
        "notes": "A Chinese government official (China Knowledge, 20 July 2018).",
    },
]

OFFICES = [
    {
        "slug": "zhongguancun-science-park-tel-aviv-liaison-office",
        "name": "Zhongguancun Science Park liaison office in Tel Aviv",
        "aliases": [
            "Z-Park Tel Aviv liaison office",
            "Zhongguancun Israeli liaison office",
            "Beijing economic office in Tel Aviv",
        ],
        "sponsor": "beijing",
        "sponsor_organization": "zhongguancun-science-park",
        "host": "tel-aviv-yafo",
        "operating_status": OperatingStatus.ANNOUNCED,
        "announced_date": date(2018, 4, 1),
        "announced_precision": Precision.MONTH,
        "announced_qualifier": Qualifier.INFERRED,
        "description": (
            "Announced at a meeting in Tel Aviv between Beijing vice mayor Yin Hejun and Tel "
            "Aviv deputy mayor Doron Sapir, attended by a senior Beijing delegation and "
            "high-level Z-Park executives. Z-Park's 11th overseas liaison office, an official "
            "Beijing office for economy, high-tech and science issues. It is to serve as a "
            "base and platform for Chinese companies seeking business in Israel and Israeli "
            "companies seeking opportunities in China, and as a link of communication and "
            "cooperation between them. Yin said Tel Aviv's innovation and openness to new "
            "ideas attracted Z-Park."
        ),
        "sectors": ["technology", "science", "innovation", "trade"],
        "sources": [ECNS, XEBERSAATI],
    },
    {
        "slug": "dongguan-economic-and-trade-office-in-israel",
        "name": "Dongguan Economic and Trade Office in Israel",
        "aliases": ["Dongguan trade office"],
        "sponsor": "dongguan",
        "host": "tel-aviv-yafo",
        "operating_status": OperatingStatus.OPEN,
        "opened_date": date(2018, 1, 1),
        "opened_precision": Precision.MONTH,
        "opened_qualifier": Qualifier.INFERRED,
        "description": (
            "Launched operations in January 2018 to promote business ties in the private sector "
            "and seek opportunities in the public sphere, as part of Dongguan's plan to make its "
            "economy more international and innovation-based. Its deputy director says "
            "Dongguan came to Tel Aviv to find opportunities and Israeli partners. The "
            "office educates Israelis on Dongguan's business environment, "
            "serves as an entry point for Israeli companies into South China, introduces "
            "business contacts of Chinese providers, arranges visit programs, and advises on "
            "logistical and cultural adjustments."
        ),
        "staff": [("eric-qian-wang", "Deputy director")],
        "sectors": [
            "life-sciences",
            "internet-of-things",
            "smart-logistics",
            "advanced-manufacturing",
            "trade",
        ],
        "sources": [CHINA_KNOWLEDGE],
    },
]

VISITS = [
    {
        "slug": "beijing-delegation-to-tel-aviv-2018-04",
        "title": "Beijing delegation to Tel Aviv led by vice mayor Yin Hejun",
        "places": [
            (PlaceRole.ORIGIN, "municipality:beijing"),
            (PlaceRole.DESTINATION, "municipality:tel-aviv-yafo"),
        ],
        "start_date": date(2018, 4, 1),
        "start_precision": Precision.MONTH,
        "start_qualifier": Qualifier.INFERRED,
        "leader": "yin-hejun",
        "participants": [
            ("yin-hejun", "Vice mayor of Beijing", Side.CHINESE, None),
            ("doron-sapir", "Deputy mayor of Tel Aviv", Side.ISRAELI, None),
        ],
        "purpose": "Meeting with Tel Aviv's deputy mayor at which Zhongguancun Science Park's "
        "liaison office in Tel Aviv was announced.",
        "description": (
            "A senior delegation from Beijing Municipality, with high-level executives of "
            "Z-Park, attended the meeting, held on a Sunday in the week before 13 April 2018. "
            "Sapir said delegations and visits between Beijing and Tel Aviv had increased "
            "dramatically in recent years."
        ),
        "sectors": ["technology", "education", "culture"],
        "sources": [ECNS, XEBERSAATI],
    },
    {
        "slug": "shanghai-mayor-visit-to-israel-2018-06",
        "title": "Shanghai mayor Ying Yong's delegation to Israel",
        "places": [
            (PlaceRole.ORIGIN, "municipality:shanghai"),
            (PlaceRole.DESTINATION, "municipality:haifa"),
            (PlaceRole.DESTINATION, "municipality:tel-aviv-yafo"),
        ],
        "start_date": date(2018, 6, 5),
        "start_qualifier": Qualifier.INFERRED,
        "end_date": date(2018, 6, 7),
        "end_qualifier": Qualifier.INFERRED,
        "leader": "ying-yong",
        "participants": [
            ("ying-yong", "Mayor of Shanghai", Side.CHINESE, None),
            (
                "eli-cohen",
                "Minister of Economy and Industry of Israel",
                Side.ISRAELI,
                "israel-ministry-of-economy-and-industry",
            ),
            (
                "ofir-akunis",
                "Minister of Science, Technology and Space of Israel",
                Side.ISRAELI,
                "israel-ministry-of-science-technology-and-space",
            ),
            (
                "ami-appelbaum",
                "Chairman of the Israel Innovation Authority",
                Side.ISRAELI,
                "israel-innovation-authority",
            ),
            ("yona-yahav", "Mayor of Haifa", Side.ISRAELI, None),
            (
                "cai-weiming",
                "Chargé d'affaires of the Embassy of China to Israel",
                Side.CHINESE,
                "embassy-of-china-in-israel",
            ),
            (
                "eyal-propper",
                "Consul-general of Israel to Shanghai",
                Side.ISRAELI,
                "consulate-general-of-israel-in-shanghai",
            ),
        ],
        "purpose": "To deepen cooperation in innovation and key industries: communication "
        "technologies, artificial intelligence, biomedicine, integrated circuits and others.",
        "description": (
            "Ying met Eli Cohen, Ofir Akunis, Ami Appelbaum and Haifa mayor Yona Yahav, and "
            "inspected ports and technological cooperation projects: Shanghai Aowei "
            "Technology's super-capacitor demonstration bus route in Tel Aviv-Yafo, Mobileye, "
            "and Techcode Israel Global Innovation Center. Ying said Shanghai would support the "
            "Sino-Israel Innovation Center and build the Sino-Israel Innovation Park and an "
            "industrial park; Akunis said Israel's science and economy ministries were willing "
            "to jointly build a laboratory and the Sino-Israel Innovation Center. Shanghai "
            "wishes to deepen cooperation with Haifa in trade, technology, ports and culture. "
            "During the trip the Shanghai Science and Technology Commission and the Israel "
            "Innovation Authority signed cooperation agreements, and Ying and Yahav attended "
            "the signing ceremony of Shanghai International Port Co's terminal project at the "
            "port of Haifa."
        ),
        "sectors": [
            "communication-technologies",
            "artificial-intelligence",
            "biomedicine",
            "integrated-circuits",
            "ports",
            "trade",
            "technology",
            "culture",
        ],
        "sources": [SHINE],
    },
]

AGREEMENTS = [
    {
        "slug": "beijing-tel-aviv-twinning",
        "title": "Beijing - Tel Aviv-Yafo twin cities",
        "kind": AgreementKind.TWINNING,
        "signed_date": date(1998, 1, 1),
        "signed_precision": Precision.YEAR,
        "signed_qualifier": Qualifier.APPROXIMATE,
        "parties": ["municipality:beijing", "municipality:tel-aviv-yafo"],
        "description": (
            "In April 2018 both articles said the cities had been twin (sister) cities for the "
            "past 20 years, two decades. Cooperation had increased dramatically in recent years "
            "in technology, municipal knowledge exchange, education, culture and art."
        ),
        "sectors": ["technology", "municipal-knowledge-exchange", "education", "culture", "art"],
        "sources": [ECNS, XEBERSAATI],
    },
    {
        "slug": "shanghai-haifa-twinning",
        "title": "Shanghai - Haifa twin cities",
        "kind": AgreementKind.TWINNING,
        "signed_date": date(1993, 1, 1),
        "signed_precision": Precision.YEAR,
        "signed_qualifier": Qualifier.APPROXIMATE,
        "parties": ["municipality:shanghai", "municipality:haifa"],
        "description": (
            "In June 2018 Shanghai's mayor said the cities established their twin city tie 25 "
            "years earlier and have carried out extensive cooperation since; Shanghai wishes to "
            "deepen it in trade, technology, ports and cultural industries."
        ),
        "sectors": ["trade", "technology", "ports", "culture"],
        "sources": [SHINE],
    },
    {
        "slug": "shanghai-stc-israel-innovation-authority-cooperation-2018",
        "title": "Shanghai Science and Technology Commission - Israel Innovation Authority "
        "cooperation agreements on technological innovation",
        "kind": AgreementKind.COOPERATION,
        "signed_date": date(2018, 6, 1),
        "signed_precision": Precision.MONTH,
        "signed_qualifier": Qualifier.INFERRED,
        "visit": "shanghai-mayor-visit-to-israel-2018-06",
        "parties": [
            "organization:shanghai-science-and-technology-commission",
            "organization:israel-innovation-authority",
        ],
        "description": "Signed during Shanghai mayor Ying Yong's visit to Israel, 5-7 June "
        "2018. The article speaks of agreements, in the plural, without naming them.",
        "sectors": ["technology", "innovation"],
        "sources": [SHINE],
    },
    {
        "slug": "sipg-haifa-port-terminal-project",
        "title": "Shanghai International Port Co terminal project at the port of Haifa",
        "kind": AgreementKind.CONTRACT,
        "signed_date": date(2018, 6, 1),
        "signed_precision": Precision.MONTH,
        "signed_qualifier": Qualifier.INFERRED,
        "visit": "shanghai-mayor-visit-to-israel-2018-06",
        "parties": [
            "organization:shanghai-international-port-group",
            "organization:port-of-haifa",
        ],
        "description": (
            "Signing ceremony attended by Shanghai mayor Ying Yong, Haifa mayor Yona Yahav and "
            "Israel's economy minister Eli Cohen during the visit of 5-7 June 2018. Ying hoped "
            "the terminal would be a demonstration project for the two cities' cooperation, as "
            "Shanghai builds its international shipping center and Haifa is Israel's biggest "
            "port city. The article does not name SIPG's Israeli counterparty; the port of "
            "Haifa is recorded as the project's site."
        ),
        "sectors": ["ports"],
        "sources": [SHINE],
    },
]

# Evidence: for each record (by slug), (fact, source, quote). A fact about a place, body or
# person names it by slug, "origin:municipality:beijing"; the loader turns it into the
# record's fact key (cooperation/models/citations.py). Left uncited on purpose, since no
# article says it: the Beijing visit's destination and leader.
EVIDENCE = {
    "zhongguancun-science-park-tel-aviv-liaison-office": [
        ("sponsor", ECNS, "China's Zhongguancun Science Park (Z-Park) in Beijing"),
        (
            "sponsor",
            XEBERSAATI,
            "an official Beijing office for economy, high-tech and science issues",
        ),
        ("host", ECNS, "will open a liaison office in Tel Aviv"),
        ("host", XEBERSAATI, "will open a liaison office in Tel Aviv"),
        ("operating_status", ECNS, "The announcement of the planned liaison office"),
        ("announced", XEBERSAATI, "made at a meeting held earlier this week"),
    ],
    "dongguan-economic-and-trade-office-in-israel": [
        (
            "sponsor",
            CHINA_KNOWLEDGE,
            "The inception of the Dongguan Economic and Trade Office in Israel",
        ),
        ("host", CHINA_KNOWLEDGE, "in Tel Aviv looking for opportunities"),
        ("operating_status", CHINA_KNOWLEDGE, "launching operations this past January"),
        ("opened", CHINA_KNOWLEDGE, "launching operations this past January"),
        (
            "staff:person:eric-qian-wang",
            CHINA_KNOWLEDGE,
            "the office's deputy director Eric (Qian) Wang",
        ),
    ],
    "beijing-delegation-to-tel-aviv-2018-04": [
        ("dates", ECNS, "a meeting held on Sunday"),
        ("dates", XEBERSAATI, "a meeting held earlier this week"),
        ("origin:municipality:beijing", ECNS, "A senior delegation from Beijing"),
        (
            "origin:municipality:beijing",
            XEBERSAATI,
            "A senior delegation from Beijing Municipality",
        ),
        ("participant:person:yin-hejun", ECNS, "Yin Hejun, a vice mayor of Beijing"),
        ("participant:person:yin-hejun", XEBERSAATI, "Beijing vice mayor Yin Hejun"),
        ("participant:person:doron-sapir", ECNS, "Doron Sapir, deputy mayor of Tel Aviv"),
        ("purpose", ECNS, "The announcement of the planned liaison office was made in a meeting"),
    ],
    "shanghai-mayor-visit-to-israel-2018-06": [
        ("dates", SHINE, "visit Israel from June 5 to 7"),
        ("origin:municipality:shanghai", SHINE, "Shanghai Mayor Ying Yong led a delegation"),
        ("destination:municipality:haifa", SHINE, "terminal project at port of Haifa"),
        (
            "destination:municipality:tel-aviv-yafo",
            SHINE,
            "demonstration bus route in Tel Aviv-Yafo",
        ),
        ("leader", SHINE, "Shanghai Mayor Ying Yong led a delegation"),
        ("participant:person:ying-yong", SHINE, "Shanghai Mayor Ying Yong"),
        (
            "participant:person:eli-cohen",
            SHINE,
            "Eli Cohen, minister of the Ministry of Economy and Industry of Israel",
        ),
        (
            "participant:person:ofir-akunis",
            SHINE,
            "Ofir Akunis, minister of Israel's Ministry of Science, Technology and Space",
        ),
        (
            "participant:person:ami-appelbaum",
            SHINE,
            "Ami Appelbaum, chairman of Israel Innovation Authority",
        ),
        ("participant:person:yona-yahav", SHINE, "Yona Yahav, mayor of Haifa"),
        (
            "participant:person:cai-weiming",
            SHINE,
            "Cai Weiming, charge d'affaires of Embassy of China to Israel",
        ),
        (
            "participant:person:eyal-propper",
            SHINE,
            "Eyal Propper, Israel consul-general to Shanghai",
        ),
        ("purpose", SHINE, "deepen their cooperation in industries of communication technologies"),
    ],
    "beijing-tel-aviv-twinning": [
        ("kind", ECNS, "have been sister cities for the past two decades"),
        ("kind", XEBERSAATI, "have been twin cities for the past 20 years"),
        ("signed", ECNS, "sister cities for the past two decades"),
        ("signed", XEBERSAATI, "twin cities for the past 20 years"),
        ("party:municipality:beijing", ECNS, "Beijing and Tel Aviv have been sister cities"),
        ("party:municipality:tel-aviv-yafo", ECNS, "Beijing and Tel Aviv have been sister cities"),
    ],
    "shanghai-haifa-twinning": [
        ("kind", SHINE, "established twin city tie"),
        ("signed", SHINE, "established twin city tie 25 years ago"),
        ("party:municipality:shanghai", SHINE, "Shanghai and Haifa established twin city tie"),
        ("party:municipality:haifa", SHINE, "Shanghai and Haifa established twin city tie"),
    ],
    "shanghai-stc-israel-innovation-authority-cooperation-2018": [
        ("kind", SHINE, "signed cooperation agreements on technological innovation"),
        (
            "party:organization:shanghai-science-and-technology-commission",
            SHINE,
            "Shanghai Science and Technology Commission and Israel Innovation Authority signed",
        ),
        (
            "party:organization:israel-innovation-authority",
            SHINE,
            "Shanghai Science and Technology Commission and Israel Innovation Authority signed",
        ),
        ("signed", SHINE, "Also during Ying's trip"),
        ("visit", SHINE, "Also during Ying's trip"),
    ],
    "sipg-haifa-port-terminal-project": [
        (
            "kind",
            SHINE,
            "the signing ceremony of Shanghai International Port Co's terminal project",
        ),
        (
            "party:organization:shanghai-international-port-group",
            SHINE,
            "Shanghai International Port Co's terminal project",
        ),
        ("party:organization:port-of-haifa", SHINE, "terminal project at port of Haifa"),
        ("signed", SHINE, "Ying and Yahav also attended the signing ceremony"),
        ("visit", SHINE, "Ying and Yahav also attended the signing ceremony"),
    ],
}
