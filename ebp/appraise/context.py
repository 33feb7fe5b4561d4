"""Context patterns: whose study a sentence is about, and what kind of text the abstract is.

A design word counts for the document's own study only in the right context: "we randomised"
(``SELF``) versus "previous trials showed" (``PASSING_MENTION``); protocols, animal work, secondary
analyses and reports of one's own results each have their own signs.
"""

from __future__ import annotations

import re

from ebp.text import LazyPattern, any_of

RANDOMISED = (
    r"(?<![\w-])(?<!mendelian\s)randomi[sz]"  # not "non-randomised", "quasi-randomised", "Mendelian randomisation"
)
PASSING_MENTION = any_of(  # a sentence about other studies or about studies still to be done
    r"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|research|reviews?|reports?|"
    r"work|literature|investigations?|analys[ie]s|findings|evidence|meta-analys[ie]s|RCTs?|data)\b",
    r"\bpreviously\s+(?:shown|reported|described|published|demonstrated|found|suggested)",
    r"\brecent(?:ly)?\s+(?:studies|trials|reviews|meta-analyses|reports|work)",
    r"\bha(?:ve|s)\s+(?:been\s+)?(?:shown|suggested|reported|demonstrated|found|indicated)",
    r"\b(?:is|are)\s+needed",
    r"\bneeded\s+to\b",
    r"\bneed\s+(?:for|more)\b",
    r"\b(?:is|are)\s+(?:warranted|required|lacking)",
    r"\bfuture\b",
    r"\bfurther\s+(?:\w+\s+)?(?:studies|research|trials|investigation|work)",
    r"\bshould\s+be\b",
    r"\black\s+of\b",
    r"\babsence\s+of\b",
    r"\bno\s+(?:randomi[sz]ed|controlled|previous|published)",
    r"\bfew\s+(?:studies|trials)",
    r"\blimited\s+(?:data|evidence)",
    r"\bunlike\b",
    r"\bin\s+contrast\s+to\b",
    r"\bshown\s+(?:recently|previously)",
    r"\b(?:in|by)\s+a\s+(?:large|recent|previous|published|earlier)\s+"
    r"(?:systematic\s+review|meta-?analysis)",
    r"\b(?:a|one)\s+recent\b",
    r"\bsebelumnya\b",
    r"\bdiperlukan\b",
    r"\bperlu\s+dilakukan\b",
    r"\bpenelitian\s+(?:selanjutnya|lanjutan|berikutnya)",
    r"\bbelum\s+(?:ada|pernah)\b",
    r"\bmasih\s+(?:sedikit|terbatas)\b",
    r"\bberbeda\s+dengan\b",
    r"\bdisarankan\b",
    r"\bdi\s+masa\s+(?:depan|mendatang)",
)

# (design, weight, pattern): weights are per mention before the zone and context factors.
SELF = any_of(
    r"\b(?:this|the\s+present|our|the\s+current)\s+(?:study|trial|review|analysis|paper|article|report|survey|research)",
    r"\bwe\s+(?:conducted|performed|undertook|carried\s+out|did|designed|used|report|present|describe|analy[sz]ed|"
    r"followed|enrolled|recruited|randomi[sz]ed|searched|interviewed|surveyed|studied|examined|evaluated)\b",
    r"\b(?:was|were)\s+(?:designed|conducted|performed|carried\s+out|undertaken|used|evaluated|investigated|"
    r"examined|assessed|studied|compared|measured)\b",
    r"^\s*(?:study\s+)?design\b",
    r"^\s*methods?\b",
    r"\bdesign\s*[:.]",
    r"\bstudy\s+design\b",
    r"\bmethods?\s*[:.]",
    r"\bpurpose\s+of\s+(?:this\s+)?review\b",
    r"\b(?:penelitian|studi|artikel|kajian|tinjauan)\s+ini\b",
    r"\b(?:desain|rancangan|jenis|metode)\s+penelitian\b",
    r"\bmenggunakan\s+(?:desain|rancangan|metode|pendekatan)\b",
    r"\bmerupakan\s+(?:penelitian|studi|uji)\b",
    r"\bkami\s+melakukan\b",
)
INCLUDED = LazyPattern(r"\b(?:studies|trials|RCTs|articles|reports|publications|studi|artikel)\b", re.IGNORECASE)
PROTOCOL = any_of(
    r"\bstudy\s+protocol\b",
    r"\btrial\s+protocol\b",
    r"\bprotocol\s+(?:for|of)\s+(?:a|an|the)\b",
    r"\bdesign\s+and\s+(?:methods|rationale)\b",
    r"\brationale\s+and\s+design\b",
    r"\bwill\s+be\s+(?:randomi[sz]ed|recruited|enrolled|allocated|assigned)\b",
    r"\bprotokol\s+(?:penelitian|uji|studi)\b",
    r"\bakan\s+(?:dirandomisasi|diacak|direkrut)\b",
)
RESULTS = any_of(
    r"\bresults?\s*:",
    r"(?-i:\bRESULTS\b)",
    r"\bfindings\s*:",
    r"\bwe\s+found\b",
    r"\bhasil\s*:",
    r"\b95\s?%\s?(?:CI|confidence)",
    r"\bp\s*[<=]\s*0?[.,]\d",
)
NONHUMAN = any_of(
    r"\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|yeasts?|nematodes?|xenografts?|"
    r"piglets?|pigs?|swine|herds?|boars?|sheep|cattle|monkeys?|macaques?|primates|alligators?|mosquito(?:es)?|"
    r"plasmids?|organoids?|fibroblasts?|tikus|mencit|kelinci)\b",
    r"c\.\s?elegans",
    r"\bin\s+vitro\b",
    r"\bcell\s+lines?\b",
    r"\bcultured\s+cells\b",
    r"\bknock-?out\b",
    r"\btransgenic\b",
    r"\bhewan\s+coba\b",
    r"\bmathematical\s+model\w*",
    r"\bsimulations?\b",
    r"\bsoftware\b",
    r"\bR\s+package\b",
    r"\balgorithms?\b",
    r"\bdatabase\s+of\b",
)
REVIEWS = ("systematic_review_meta_analysis", "review_narrative")
SECONDARY = any_of(
    r"secondary\s+analys[ie]s",
    r"post[- ]hoc\s+(?:\w+\s+)?analys[ie]s",
    r"ancillary\s+stud\w+",
    r"sub-?study",
    r"analisis\s+sekunder",
    r"cost[- ]effectiveness\s+analys[ie]s",
    r"economic\s+evaluation",
)
OBSERVATIONAL = any_of(
    r"\bobservational\b",
    r"\bobservasional\b",
    r"\bpredictors?\s+of\b",
    r"\bprediktor\b",
    r"factors\s+associated\s+with",
    r"faktor\s+yang\s+berhubungan",
)
RESEARCH = any_of(
    r"\bwe\s+(?:show|demonstrate|found|find|identif(?:y|ied)|observed|measured|report|propose|developed|"
    r"provide\s+evidence|used|tested|analy[sz]ed|investigated)\b",
    r"\bhere,?\s+we\b",
    r"\bour\s+(?:results|data|findings)\b",
    r"\bresults\s+(?:show|indicate|suggest|revealed)\b",
    r"\bthis\s+(?:study|work)\s+(?:identifies|shows|demonstrates|reveals)\b",
    r"\b(?:subjects|participants|patients|respondents|volunteers)\s+(?:were|was)\b",
    r"\bwere\s+(?:obtained|collected|recruited|enrolled)\b",
    r"\bthe\s+(?:aim|purpose|objective)\s+of\s+(?:this|the\s+present)\s+(?:study|work|experiment)",
    r"\bwe\s+(?:have\s+)?(?:conducted|determined|performed|examined|evaluated|studied|quantified)\b",
    r"\bsignificant(?:ly)?\s+(?:increased|decreased|reduced|improved|inhibited|higher|lower|elevated)\b",
    r"\bexperiments?\b",
)
STATISTICS = any_of(
    r"\bp\s*[<=>]\s*0?[.,]\d",
    r"\bp\s+less\s+than\b",
    r"±",
    r"\+/-",
    r"\b95\s?%",
    r"\b[nN]\s*=\s*\d",
    r"\d\s?%",
    r"\b(?:OR|HR|RR)\b\s*[=:]?\s*\d",
)
HUMAN = any_of(
    r"\b(?:patients?|participants?|women|men|children|adults|adolescents|volunteers|respondents|individuals|"
    r"subjects|persons|people|infants|mothers|families|pasien|responden|partisipan|peserta|informan|anak|ibu|"
    r"remaja|lansia|keluarga)\b"
)
