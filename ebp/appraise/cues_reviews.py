"""Cue phrases of reviews, guidelines and opinion, English and Indonesian (see ``ebp.appraise.cues``)."""

from __future__ import annotations

from ebp.text import LazyPattern, any_of

Cue = tuple[str, float, LazyPattern]  # (design, weight per mention, pattern)

SYSTEMATIC_REVIEW_CUES: tuple[Cue, ...] = (
    (
        "systematic_review_meta_analysis",
        3.0,
        any_of(
            r"systematic(?:al)?\s+(?:literature\s+|scoping\s+)?reviews?",
            r"meta-?\s?analy(?:[sz]|tic)\w*",  # "meta-analytic techniques"
            r"meta-?regression",
            r"meta-?analisis",
            r"tinjauan\s+(?:literatur\s+)?sistematis",
            r"kajian\s+(?:literatur|pustaka)\s+sistematis",
            r"telaah\s+sistematis",
            r"umbrella\s+review",
            r"scoping\s+review",
            r"review\s+of\s+(?:systematic\s+)?reviews",
            r"cochrane\s+reviews?",
            r"meta-?ethnograph\w*",
            r"meta-?synthesis",
            r"integrative\s+(?:literature\s+)?review",
            r"rapid\s+review",
            r"realist\s+review",
        ),
    ),
    (
        "systematic_review_meta_analysis",
        2.0,
        any_of(
            r"(?:searched|search(?:es)?\s+(?:of|in|was\s+conducted)|identified\s+(?:via|through|by\s+searching)|"
            r"retrieved\s+(?:from|by\s+searching)|(?:performed|conducted|carried\s+out)\s+an?\s+(?:\w+\s+){0,3}search|"
            r"penelusuran|menelusuri)\b[^.;]{0,80}?\b(?:medline|pubmed|embase|"
            r"cinahl|psyc\s?info|cochrane|scopus|web\s+of\s+science|databases?|basis\s+data|garuda|google\s+scholar)",
            r"\bprisma\b",
            r"(?:studies|trials|articles|papers|studi|artikel)\s+(?:met|fulfilled|meeting|memenuhi)\s+"
            r"(?:the\s+)?(?:inclusion|eligibility|kriteria)",
            r"pooled\s+(?:analysis|estimates?|data\s+from)",
            # the passive voice of the same search: "EMBASE, MEDLINE and Cochrane databases were searched"
            r"\b(?:medline|pubmed|embase|cinahl|psyc\s?info|cochrane|scopus|web\s+of\s+science|eric|databases?|"
            r"basis\s+data)\b[^.;]{0,80}?\b(?:were|was)\s+(?:systematically\s+|electronically\s+)?searched",
            r"\b(?:the|our|this)\s+(?:literature\s+|database\s+|electronic\s+)?search\s+(?:yielded|identified|retrieved)",
            r"\b(?:of\s+them|of\s+these|studies|trials|articles|papers|publications|reports)\s+(?:\w+\s+){0,2}?"
            r"(?:met|fulfilled|satisfied)\s+(?:the\s+|our\s+)?(?:inclusion|eligibility|selection)\s+criteria",
        ),
    ),
    (
        "systematic_review_meta_analysis",
        1.0,
        any_of(r"random[- ]effects?\s+model", r"\bI\s?(?:2|²)\s?=", r"efek\s+acak"),
    ),
)
# Generic review words count for a systematic review when one is declared, else for a narrative one.
NARRATIVE_AND_OPINION_CUES: tuple[Cue, ...] = (
    (
        "review_narrative",
        2.5,
        any_of(
            r"narrative\s+review",
            r"(?<!systematic\s)(?<!integrative\s)literature\s+review",
            r"(?<!systematic\s)review\s+of\s+(?:the\s+)?literature",
            r"tinjauan\s+(?:pustaka|naratif)",
            r"tinjauan\s+literatur(?!\s+sistematis)",
            r"kajian\s+(?:pustaka|literatur)(?!\s+sistematis)",
            r"studi\s+(?:pustaka|literatur)",
            r"telaah\s+pustaka",
        ),
    ),
    (
        "review_any",
        2.5,
        any_of(
            r"\b(?:this|our|the\s+present)\s+(?:mini-?)?review\b",
            r"in\s+this\s+(?:mini-?)?review",
            r"\bpurpose\s+of\s+(?:this\s+)?review\b",
        ),
    ),
    (
        "review_any",
        1.5,
        any_of(
            r"\bwe\s+(?:review|summari[sz]e|discuss|highlight)\b",
            r"\breview\s+(?:of|on)\b",
            r"\boverview\b",
            r"\bupdate\s+on\b",
            r"current\s+(?:knowledge|understanding|status)",
            r"state\s+of\s+the\s+art",
            r"(?:artikel|tulisan)\s+ini\s+(?:membahas|mengulas|merangkum)",
            r"kami\s+(?:merangkum|membahas|mengulas)",
            r"(?:this|the)\s+article\s+(?:reviews|discusses)",
            r"\breview(?:ed)?\b",
        ),
    ),
    (
        "guideline_or_opinion",
        3.0,
        any_of(
            r"practice\s+guidelines?",
            r"clinical\s+guidelines?",
            r"recommendation\s+statement",
            r"position\s+(?:statement|paper)",
            r"consensus\s+(?:statement|conference|report)",
            r"\beditorial\b",
            r"\bcommentary\b",
            r"\bviewpoint\b",
            r"letter\s+to\s+the\s+editor",
            r"pedoman\s+(?:praktik|pelayanan|klinis|nasional)",
            r"\bopini\b",
            r"tajuk\s+rencana",
        ),
    ),
    (
        "guideline_or_opinion",
        2.0,
        any_of(
            r"\b(?:these|this|our)\s+(?:guidelines?|recommendations|statement)\b",
            r"\b(?:pedoman|rekomendasi)\s+ini\b",
            r"\bwe\s+recommend\b",
        ),
    ),
    (
        "guideline_or_opinion",
        1.5,
        any_of(
            r"expert\s+panel",
            r"task\s+force",
            r"advisory\s+(?:committee|group|statement|panel)",
            r"\bwe\s+argue\b",
            r"kami\s+berpendapat",
            r"in\s+this\s+(?:commentary|essay|perspective)",
            r"\bexpert\s+opinion\b",
            r"rekomendasi\s+(?:untuk|bagi)\b",
        ),
    ),
    (
        "guideline_or_opinion",
        2.0,
        any_of(r"\b(?:statement|advisory|recommendations|guidance|guidelines)\s+from\s+the\b"),
    ),
    (
        "guideline_or_opinion",
        0.4,
        any_of(
            r"\bguidelines?\b",
            r"\bpedoman\b",
            r"\brecommendations?\b",
            r"\brekomendasi\b",
            r"\bconsensus\b",
            r"\bkonsensus\b",
        ),
    ),  # fmt: skip
)
