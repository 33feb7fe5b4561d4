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

SELF = any_of(  # a sentence about the document's own study
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
PROTOCOL_TITLE = any_of(  # a title that says the paper is a protocol: no results to appraise yet
    r"\b(?:study|trial|review|research)\s+protocol\b",
    r"\bprotocol\s+(?:for|of)\s+(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:trial|study|review|evaluation|RCT)\b",
    r"\bprotokol\s+(?:penelitian|uji|studi)\b",
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

# Topic words that name a design without being the study's design (issue 13): a guideline or a
# review that is the *subject* of a study, record reviews that are data collection, random sampling
# that is not random assignment.
GUIDELINE_AS_TOPIC = any_of(
    r"\b(?:adherence|compliance|concordance|conformity|fidelity)\s+(?:to|with)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:guidelines?|recommendations|protocols?)",
    r"\bguideline[- ](?:concordant|adherent|recommended|based)",
    r"\b(?:according\s+to|in\s+line\s+with|based\s+on)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:guidelines?|recommendations)",
    r"\b(?:implementation|uptake|use|knowledge|awareness|dissemination)\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:guidelines?|recommendations)",
    r"\b(?:kepatuhan|pelaksanaan|penerapan|implementasi)\s+(?:terhadap\s+)?(?:\w+\s+){0,2}?(?:pedoman|standar|SOP)",
)
RECORD_REVIEW = any_of(  # reviewing records is data collection, not a literature review
    r"\b(?:reviewed|reviewing|review\s+of)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:charts?|records?|files?|case\s+notes|"
    r"prescriptions?|registers?|documents?|reports?|applications?|decisions?|claims)\b",
    r"\b(?:chart|record|file|case[- ]file|document|prescription)\s+reviews?\b",
    r"\b(?:telaah|penelaahan|kajian)\s+(?:dokumen|berkas|rekam\s+medis|catatan)",
)
RANDOM_SAMPLING = any_of(  # a random sample is not random assignment
    r"\brandom(?:ly)?\s+(?:selected|sampled|drawn|chosen)\b",
    r"\brandom\s+(?:sample|sampling|selection)\b",
    r"\b(?:stratified|systematic|simple|multistage|multi-stage|cluster)\s+random\s+sampl",
    r"\b(?:dipilih|diambil)\s+secara\s+acak\b",
    r"\b(?:random|acak)\s+(?:sederhana|sistematis|bertingkat|klaster)\b",
    r"\bsimple\s+random\b",
)
MIXED_METHODS = any_of(
    r"\bmixed[- ]methods?\b",
    r"\bmulti[- ]?method\b",
    r"\b(?:metode|pendekatan|desain)\s+campuran\b",
    r"\bsequential\s+(?:explanatory|exploratory)\b",
    r"\b(?:sekuensial|eksplanatori)\s+(?:eksplanatori|sekuensial|eksploratori)",
    r"\bconvergent\s+(?:parallel\s+)?design\b",
    r"\bquantitative\s+and\s+qualitative\s+(?:data|methods|approaches|strands|components)",
    r"\bqualitative\s+and\s+quantitative\s+(?:data|methods|approaches|strands|components)",
    r"\bkuantitatif\s+dan\s+kualitatif\b",
    r"\bkualitatif\s+dan\s+kuantitatif\b",
)
FUTURE = any_of(r"\bwill\s+(?:be|receive|assess|examine|compare|recruit|enrol|include|use)\b", r"\bakan\s+\w+")
NOT_RANDOMISED = any_of(  # the study says it did not randomise
    r"\bnon-?randomi[sz]ed\b",
    r"\bnot\s+(?:been\s+)?randomi[sz]ed\b",
    r"\bwithout\s+randomi[sz]ation\b",
    r"\bquasi-?random",
    r"\bquasi[- ]?experiment",
    r"\btidak\s+(?:diacak|dirandomisasi)\b",
    r"\btanpa\s+(?:randomisasi|pengacakan)\b",
    r"\bkuasi[- ]?eksperimen",
)
ANIMAL_OR_LAB = any_of(  # the part of NONHUMAN that is animals and cells, not software or models
    r"\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|yeasts?|nematodes?|xenografts?|piglets?|pigs?|swine|"
    r"sheep|cattle|monkeys?|macaques?|primates|dogs|cats|tikus|mencit|kelinci)\b",
    r"\bin\s+vitro\b",
    r"\bcell\s+lines?\b",
    r"\bcultured\s+cells\b",
    r"\bhewan\s+coba\b",
    r"\banimals?\b",
)
NARRATIVE_SELF = any_of(  # a review that says it is not systematic
    r"\bnarrative\s+(?:literature\s+)?review",
    r"\bnon-?systematic\s+review",
    r"\bnot\s+(?:\w+\s+){0,3}?(?:exhaustive|systematic)\b",
    r"\btinjauan\s+(?:pustaka\s+)?naratif",
)
