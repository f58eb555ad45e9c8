/// ISO 3166-1 country codes: OICP addresses use alpha-3 (`DEU`), EvseIDs and OperatorIDs
/// start with alpha-2 (`DE`).
public enum CountryCodes {
    /// Every officially assigned code as alpha-2 followed by alpha-3, for example `DEDEU`.
    private static let table: [String] = [
        "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE",
        "BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS",
        "BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN",
        "COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST",
        "EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF",
        "GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD",
        "HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM",
        "JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA",
        "LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD",
        "MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM",
        "NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG",
        "PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA",
        "SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD",
        "STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON",
        "TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR",
        "VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE",
    ]

    private static let pairs: [(alpha2: String, alpha3: String)] = table.joined(separator: " ")
        .split(separator: " ").map { (String($0.prefix(2)), String($0.suffix(3))) }

    /// alpha-2 to alpha-3.
    public static let alpha3ByAlpha2: [String: String] = Dictionary(uniqueKeysWithValues: pairs.map { ($0.alpha2, $0.alpha3) })
    /// alpha-3 to alpha-2.
    public static let alpha2ByAlpha3: [String: String] = Dictionary(uniqueKeysWithValues: pairs.map { ($0.alpha3, $0.alpha2) })

    /// Whether `code` is an officially assigned alpha-3 code.
    public static func isAlpha3(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { b in
            guard let i = alpha3Index(b) else { return false }
            return assigned[i >> 6] & (1 << UInt64(i & 63)) != 0
        }
    }

    /// The position of three upper-case letters among all 26³ such codes; nil for anything else.
    private static func alpha3Index(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count == 3 else { return nil }
        var i = 0
        for c in b {
            guard c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") else { return nil }
            i = i * 26 + Int(c - UInt8(ascii: "A"))
        }
        return i
    }

    /// One bit per three-letter code, set for the assigned ones: every record's country is
    /// checked, and a bit is read without hashing the code.
    private static let assigned: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (26 * 26 * 26 + 63) / 64)
        for pair in pairs {
            var code = pair.alpha3
            if let i = code.withUTF8(alpha3Index) { bits[i >> 6] |= 1 << UInt64(i & 63) }
        }
        return bits
    }()
}
