"""Cue phrases of finding sentences (English and Indonesian), shared by the rules of ``findings`` and the
features of ``finding_model``: a result or change, a statistic, a concluding turn, a sentence that is not a
finding (aims, methods, background), "further research", themes, secondary outcomes, a case's outcome."""

from __future__ import annotations

from ebp.text import any_of

RESULT = any_of(
    r"\b(?:reduced|reduces|reduction|decreased|lower(?:ed)?|fewer|less\s+likely|improved|improves|improvements?|"
    r"increased|increases|higher|greater|more\s+likely|raised|effective|efficacious|beneficial|benefit\w*|"
    r"protective|associated\s+with|predicted|correlated|no\s+(?:significant\s+)?(?:difference|effect|association|"
    r"change)|did\s+not\s+(?:differ|improve|reduce|change|increase)|not\s+(?:significantly\s+)?(?:associated|different)|"
    r"was\s+(?:similar|comparable)|prevalence\s+(?:of|was)|themes?\s+(?:emerged|were)|(?:three|four|five|six|two)\s+"
    r"(?:main\s+)?themes)\b",
    r"\b(?:menurunkan|menurun|penurunan|meningkatkan|meningkat|peningkatan|efektif|berpengaruh|pengaruh\s+(?:yang\s+)?"
    r"signifikan|berhubungan|hubungan\s+(?:yang\s+)?(?:signifikan|bermakna)|tidak\s+(?:terdapat|ada)\s+(?:perbedaan|"
    r"hubungan|pengaruh)|lebih\s+(?:rendah|tinggi|baik)|tema|berhasil|membaik|pulih)\b",
)
STATISTIC = any_of(
    r"\bp\s*[<=>]\s*0?[.,]\d", r"\b95\s?%", r"\b(?:OR|RR|HR|IRR|SMD|MD|aOR|aHR)\b\s*[=:(]?\s*\d", r"\d\s?%",
    r"\b(?:IK|CI)\s?95", r"\bd\s*=\s*-?\d", r"\bp\s+less\s+than\b", r"\bpercentage\s+points?\b",
)  # fmt: skip
CONCLUDING = any_of(
    r"^\s*in\s+this\s+(?:study|trial|review|cohort|sample|meta-analysis)\b",
    r"^\s*(?:in\s+conclusion|overall|taken\s+together|together,|these\s+(?:findings|results|data)|our\s+(?:findings|"
    r"results)|this\s+(?:study|trial|review)\s+(?:shows|showed|found|suggests|demonstrates|provides))\b",
    r"\b(?:we\s+(?:conclude|found)|findings\s+suggest|results\s+(?:suggest|show|indicate))\b",
    r"\b(?:disimpulkan|dapat\s+disimpulkan|menunjukkan\s+bahwa|hasil\s+penelitian\s+(?:ini\s+)?menunjukkan)\b",
)
NOT_FINDING = any_of(
    r"\b(?:the\s+)?(?:aim|objective|purpose)s?\s+(?:of\s+this|was|were|is)\b",
    r"\b(?:this|the\s+present|our)\s+(?:case\s+)?(?:study|trial|review|paper|article)\s+(?:aim|examin|investigat|assess|evaluat|"
    r"explor|describ|report)\w*\b",
    r"\bwe\s+(?:aimed|examined|investigated|assessed|evaluated|explored|sought|conducted|recruited|randomly|searched)\b",
    r"\b(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|recruited|enrolled|interviewed|collected|measured|"
    r"included|invited|asked)\b",
    r"\b(?:little\s+is\s+known|remains?\s+(?:unclear|unknown)|is\s+(?:a|an)\s+(?:common|major|important|growing))\b",
    r"\b(?:is|are)\s+(?:essential|important|needed|necessary|crucial|warranted|unclear)\b",
    r"^\s*(?:participants|subjects|respondents|informan|responden|partisipan)\s+(?:were|was|adalah|terdiri)\b",
    r"\brecruited\s+(?:from|through|via)\b",
    r"\b(?:mean|median|average)\s+age\b",
    r"\b(?:rerata|rata-rata)\s+(?:usia|umur)\b",
    r"\bbaseline\s+characteristics\b",
    r"\bkarakteristik\s+(?:responden|partisipan|subjek)\b",
    r"\b(?:tujuan\s+penelitian|penelitian\s+ini\s+bertujuan|bertujuan\s+untuk|data\s+dikumpulkan|teknik\s+analisis|"
    r"metode\s+penelitian|jenis\s+penelitian|populasi\s+(?:dalam\s+)?penelitian|sampel\s+(?:dalam\s+)?penelitian)\b",
)
FUTURE = any_of(
    r"\b(?:further|future|more)\s+(?:\w+\s+){0,2}(?:research|studies|trials|work)\b", r"\blimitations?\b",
    r"\bpenelitian\s+(?:selanjutnya|lanjutan)\b", r"\bdisarankan\b", r"\bneeds?\s+to\s+be\s+(?:tested|confirmed)\b",
    # The guide's "more research is needed" in other words: research asked for, in English and Indonesian.
    r"\b(?:research|studies|trials|investigation)\s+(?:\w+\s+){0,3}(?:is|are)\s+(?:still\s+)?(?:needed|required|warranted)\b",
    r"\b(?:diperlukan|dibutuhkan|perlu)\s+(?:\w+\s+){0,2}(?:penelitian|studi|kajian|uji|riset)\b",
    r"\b(?:penelitian|studi|kajian)\s+(?:lebih\s+lanjut|berikutnya|mendatang)\b",
)  # fmt: skip
THEMES = any_of(r"\bthemes?\b", r"\btema\b", r"\bcategor(?:y|ies)\s+(?:emerged|were)\b", r"\bkategori\b")
THEME_COUNT = any_of(
    r"\b(?:two|three|four|five|six|seven|\d)\s+(?:main\s+|major\s+|key\s+|overarching\s+)?(?:themes|categories)\b",
    r"\b(?:dua|tiga|empat|lima|enam|tujuh|\d)\s+(?:tema|kategori)\b",
)
SECONDARY = any_of(r"\bsecondary\s+(?:outcomes?|endpoints?|analys[ie]s)\b", r"\bluaran\s+sekunder\b")
SIGNIFICANT = any_of(
    r"\bsignificant(?:ly)?\b",
    r"\b(?:compared\s+(?:with|to)|relative\s+to|than)\b",
    r"\bsignifikan\b",
    r"\bdibandingkan\b",
    r"\bbermakna\b",
)
CASE_OUTCOME = any_of(
    r"\b(?:by\s+the\s+end|at\s+(?:the\s+)?(?:end|follow-?up|closure)|after\s+(?:\w+\s+){0,3}(?:months?|weeks?|sessions?))",
    r"\b(?:returned|resumed|reunified|stopped|no\s+longer|was\s+able|managed\s+to|now\s+(?:lives|attends|works))\b",
    r"\b(?:pada\s+akhir|setelah\s+(?:\w+\s+){0,3}(?:bulan|minggu|sesi)|kembali\s+(?:bersekolah|ke)|berhenti|tidak\s+lagi|"
    r"sudah\s+(?:bisa|mampu|dapat))\b",
)  # fmt: skip
# The client's step forward in a case's outcome: a case study whose client moved on is a benefit (``direction``).
# Unlike CASE_OUTCOME, no time phrase and nothing that could be a step back ("stopped", "berhenti").
CLIENT_MOVED_ON = any_of(
    r"\b(?:returned\s+to|resumed|reunified|reunited|no\s+longer|was\s+able\s+to|managed\s+to|now\s+(?:lives|attends|works))\b",
    r"\b(?:kembali\s+(?:bersekolah|sekolah|bekerja|tinggal\s+bersama|ke\s+(?:sekolah|keluarga|rumah))|tidak\s+lagi|"
    r"sudah\s+(?:bisa|mampu|dapat)|berhasil|mulai\s+(?:bekerja|bersekolah|menerima|mengikuti))\b",
)
AIM = any_of(
    r"\b(?:aims?|aimed|objectives?|purpose|goal|to\s+(?:determine|assess|evaluate|examine|investigate|compare|explore|"
    r"test|estimate|describe|identify)|hypothes[ie]s|tujuan|bertujuan|untuk\s+(?:mengetahui|menganalisis|menguji))\b"
)
WE_FOUND = any_of(
    r"\b(?:we\s+(?:found|observed|show|showed|demonstrate|identified|conclude)|was\s+found|were\s+found|showed|"
    r"demonstrated|revealed|indicated?|menunjukkan|ditemukan|terbukti)\b"
)
# A sentence that draws an implication from the findings ("… should …", "could help reduce", "supports routine
# screening", "pelajaran penting bagi …"): what the authors advise, not what they found.
IMPLICATION = any_of(
    r"\b(?:should|must|ought\s+to|needs?\s+to|recommend\w*)\b",
    r"\b(?:could|may|might|can)\s+(?:\w+\s+)?(?:help|reduce|improve|increase|strengthen|be\s+used|inform|support|serve|"
    r"guide|benefit|protect|prevent)\b",
    r"\bsupports?\s+(?:routine|the\s+use|the\s+case|policies|investment|targeting|the\s+(?:development|adoption|expansion))\b",
    r"\b(?:implications?|lessons?)\s+for\b",
    r"\b(?:have|has)\s+(?:clinical|practical|policy)\s+(?:importance|implications?|relevance)\b",
    r"\b(?:reasonable|first)\s+choice\b",
    r"\b(?:perlu|hendaknya|sebaiknya|direkomendasikan|layak\s+dikembangkan|pelajaran\s+(?:penting|berharga))\b",
    r"\bdapat\s+(?:menjadi|dijadikan)\s+(?:acuan|dasar|pertimbangan|model|rujukan)\b",
    r"\b(?:is|are)\s+(?:urgently\s+|also\s+)?(?:needed|required)\b",
    r"\bmendukung\s+(?:perluasan|penerapan|penggunaan|pengembangan|kebijakan)\b",
)
# The groups compared before the intervention, or a check of the design ("similar at baseline", "parallel trends"):
# part of the method, not a finding.
BALANCE = any_of(
    r"\bat\s+baseline\b[^.;]{0,80}\b(?:similar|comparable|balanced|did\s+not\s+differ)\b",
    r"\bbefore\s+the\s+(?:introduction|intervention|programme|program|reform|policy|rule)\b[^.;]{0,80}\b(?:similar|"
    r"comparable|did\s+not\s+differ)\b",
    r"\bdid\s+not\s+differ\s+(?:in|by)\s+(?:entry|age|baseline|sex|gender|demographic)",
    r"\bparallel\s+trends?\b",
    r"\btren\s+paralel\b",
    r"\bsebelum\s+program\b[^.;]{0,80}\b(?:tidak\s+(?:menunjukkan\s+)?(?:ada\s+)?perbedaan|serupa|setara)\b",
)
# What participants of a qualitative study said of their experience: its findings ("Many described …").
ACCOUNT = any_of(
    r"\b(?:described|reported|experienced|spoke\s+of|felt|valued|welcomed|perceived|expressed|recounted|stressed|"
    r"emphasi[sz]ed)\b",
    r"\b(?:mengungkapkan|menggambarkan|menceritakan|merasa|menyatakan|menyebut|membedakan|memandang|mengalami)\b",
)

# Read by the key-finding model and ranker: a hedge, a summing-up opening, a comparison, a negation.
HEDGE = any_of(r"\b(?:may|might|could|suggests?|appears?|likely|possibly|potential(?:ly)?|dapat|mungkin|diduga)\b")
THESE = any_of(
    r"^\s*(?:these|our|the)\s+(?:findings|results|data)|^\s*(?:in\s+conclusion|overall|in\s+summary|taken\s+together|"
    r"thus|therefore)|^\s*(?:temuan|hasil)\s+(?:ini|penelitian)"
)
COMPARE = any_of(r"\b(?:than|compared|versus|vs\.?|relative\s+to|dibandingkan|daripada)\b")
NEGATIVE = any_of(r"\b(?:no|not|neither|nor|without|tidak|tanpa)\b")
