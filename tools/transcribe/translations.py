"""Unofficial English translations for the Annex C data.

Department names are the official English names in use in late 2017.
Project names are our own translation (labelled "unofficial translation" in
the UI).  They are keyed by the Chinese name, so identical Chinese names get
identical English names.  Glossary used throughout:

  提升 Upgrade of            改善 Enhancement of        加強 Strengthening of
  更新 (system/website) Revamp of; (equipment) Replacement of
  推行 Implementation of     開發 Development of        重新開發 Redevelopment of
  建立 Establishment of      遷移 Migration of          技術更新 technology refresh
  操作系統 operating systems  辦公室自動化 office automation
  設施 facilities  軟件 software  設備 equipment  工作站 workstations
  電郵系統 email system       入門網站 portal            網站 website
  網絡基建設施 network infrastructure   資訊科技基建設施 IT infrastructure
  資訊科技保安基建設施 IT security infrastructure
  網絡攻擊保護 cyber attack protection  資訊保安管理 information security management
  資訊科技保安風險評估及審計 IT security risk assessment and audit
  可行性研究 feasibility study   部門資訊科技計劃研究 departmental IT plan study
"""

# department_zh -> (department_en, abbrev_en)
DEPARTMENTS = {
    '行政署': ('Administration Wing', ''),
    '漁農自然護理署': ('Agriculture, Fisheries and Conservation Department', 'AFCD'),
    '建築署': ('Architectural Services Department', 'ArchSD'),
    '醫療輔助隊': ('Auxiliary Medical Service', 'AMS'),
    '政府統計處': ('Census and Statistics Department', 'C&SD'),
    '行政長官辦公室': ("Chief Executive's Office", ''),
    '政務司司長辦公室': ("Chief Secretary for Administration's Office", 'CSO'),
    '民眾安全服務處': ('Civil Aid Service', 'CAS'),
    '民航處': ('Civil Aviation Department', 'CAD'),
    '土木工程拓展署': ('Civil Engineering and Development Department', 'CEDD'),
    '公務員事務局': ('Civil Service Bureau', 'CSB'),
    '商務及經濟發展局': ('Commerce and Economic Development Bureau', 'CEDB'),
    '政制及內地事務局': ('Constitutional and Mainland Affairs Bureau', 'CMAB'),
    '懲教署': ('Correctional Services Department', 'CSD'),
    '香港海關': ('Customs and Excise Department', 'C&ED'),
    '衞生署': ('Department of Health', 'DH'),
    '律政司': ('Department of Justice', 'DoJ'),
    '發展局': ('Development Bureau', 'DEVB'),
    '渠務署': ('Drainage Services Department', 'DSD'),
    '教育局': ('Education Bureau', 'EDB'),
    '效率促進組': ('Efficiency Unit', 'EffU'),
    '機電工程署': ('Electrical and Mechanical Services Department', 'EMSD'),
    '環境保護署': ('Environmental Protection Department', 'EPD'),
    '財經事務及庫務局': ('Financial Services and the Treasury Bureau', 'FSTB'),
    '食物環境衞生署': ('Food and Environmental Hygiene Department', 'FEHD'),
    '食物及衞生局': ('Food and Health Bureau', 'FHB'),
    '政府飛行服務隊': ('Government Flying Service', 'GFS'),
    '政府化驗所': ('Government Laboratory', 'GL'),
    '政府物流服務署': ('Government Logistics Department', 'GLD'),
    '政府產業署': ('Government Property Agency', 'GPA'),
    '路政署': ('Highways Department', 'HyD'),
    '民政事務局': ('Home Affairs Bureau', 'HAB'),
    '民政事務總署': ('Home Affairs Department', 'HAD'),
    '香港天文台': ('Hong Kong Observatory', 'HKO'),
    '香港警務處': ('Hong Kong Police Force', 'HKPF'),
    '入境事務處': ('Immigration Department', 'ImmD'),
    '廉政公署': ('Independent Commission Against Corruption', 'ICAC'),
    '政府新聞處': ('Information Services Department', 'ISD'),
    '稅務局': ('Inland Revenue Department', 'IRD'),
    '創新及科技局': ('Innovation and Technology Bureau', 'ITB'),
    '創新科技署': ('Innovation and Technology Commission', 'ITC'),
    '知識產權署': ('Intellectual Property Department', 'IPD'),
    '投資推廣署': ('Invest Hong Kong', 'InvestHK'),
    '公務及司法人員薪俸及服務條件諮詢委員會聯合秘書處': (
        'Joint Secretariat for the Advisory Bodies on Civil Service and '
        'Judicial Salaries and Conditions of Service', 'JSSCS'),
    '勞工處': ('Labour Department', 'LD'),
    '地政總署': ('Lands Department', 'LandsD'),
    '法律援助署': ('Legal Aid Department', 'LAD'),
    '康樂及文化事務署': ('Leisure and Cultural Services Department', 'LCSD'),
    '海事處': ('Marine Department', 'MD'),
    '電影、報刊及物品管理辦事處': ('Office for Film, Newspaper and Article Administration', 'OFNAA'),
    '政府資訊科技總監辦公室': ('Office of the Government Chief Information Officer', 'OGCIO'),
    '破產管理署': ("Official Receiver's Office", 'ORO'),
    '規劃署': ('Planning Department', 'PlanD'),
    '公務員敍用委員會': ('Public Service Commission', 'PSC'),
    '香港電台': ('Radio Television Hong Kong', 'RTHK'),
    '差餉物業估價署': ('Rating and Valuation Department', 'RVD'),
    '選舉事務處': ('Registration and Electoral Office', 'REO'),
    '保安局': ('Security Bureau', 'SB'),
    '社會福利署': ('Social Welfare Department', 'SWD'),
    '工業貿易署': ('Trade and Industry Department', 'TID'),
    '運輸及房屋局': ('Transport and Housing Bureau', 'THB'),
    '運輸署': ('Transport Department', 'TD'),
    '庫務署': ('Treasury', 'TRY'),
    '大學教育資助委員會秘書處': ('University Grants Committee Secretariat', 'UGCS'),
    '水務署': ('Water Supplies Department', 'WSD'),
    '在職家庭及學生資助事務處': ('Working Family and Student Financial Assistance Agency', 'WFSFAA'),
}

RA = 'IT security risk assessment and audit'
OS_OA_SW = 'Upgrade of operating systems and office automation software'
OS_OA_FAC = 'Upgrade of operating systems and office automation facilities'

# name_zh -> name_en
NAMES = {
    # --- recurring names -------------------------------------------------
    '資訊科技保安風險評估及審計': RA,
    '提升操作系統及辦公室自動化軟件': OS_OA_SW,
    '提升操作系統及辦公室自動化設施': OS_OA_FAC,
    '提升電郵系統': 'Upgrade of email system',
    '提升操作系統': 'Upgrade of operating systems',
    '加強資訊保安管理': 'Strengthening of information security management',
    '提升辦公室自動化設施': 'Upgrade of office automation facilities',
    '提升電郵系統及辦公室自動化設施': 'Upgrade of email system and office automation facilities',
    '更新網站': 'Revamp of website',
    '遷移客戶端伺服器系統至網上平台': 'Migration of client-server systems to web-based platform',
    '提升網絡基建設施': 'Upgrade of network infrastructure',
    '更新辦公室自動化設備': 'Replacement of office automation equipment',
    '提升資訊科技保安基建設施及加強網絡攻擊保護':
        'Upgrade of IT security infrastructure and strengthening of cyber attack protection',
    '部門資訊科技計劃研究': 'Departmental IT plan study',

    # --- 行政署 Administration Wing --------------------------------------------
    '加強網絡攻擊保護及資訊保安管理':
        'Strengthening of cyber attack protection and information security management',
    '提升網絡基建設施及無線互聯網服務(政府總部)':
        'Upgrade of network infrastructure and wireless Internet service (Central Government Offices)',
    '提升應用系統基建設施': 'Upgrade of application system infrastructure',
    # --- AFCD
    '提升電郵系統及軟件資產管理系統': 'Upgrade of email system and software asset management system',
    '提升化驗室資訊管理系統': 'Upgrade of laboratory information management system',
    '提升郊野公園發展監察系統': 'Upgrade of country park development monitoring system',
    '提升植物標本室數據管理系統': 'Upgrade of herbarium data management system',
    '提升紅潮監察系統': 'Upgrade of red tide monitoring system',
    # --- ArchSD
    '加強資訊保安管理的技術研究': 'Technical study on strengthening information security management',
    '提升知識管理系統': 'Upgrade of knowledge management system',
    '人力資源管理資訊系統技術更新': 'Technology refresh of human resource management information system',
    # --- AMS
    '提升電郵系統、辦公室自動化軟件及資訊科技基建設施':
        'Upgrade of email system, office automation software and IT infrastructure',
    '建立志願隊員及少年團團員入門網站': 'Establishment of a portal for volunteer members and cadet members',
    # --- C&SD
    '更新非耗用物品管理系統': 'Revamp of non-expendable items management system',
    # --- CSO
    '推行數碼儲存庫(政府檔案處)': 'Implementation of digital repository (Government Records Service)',
    '政府電子檔案及電子歷史檔案保存政策和策略的顧問研究':
        'Consultancy study on the preservation policy and strategy for government electronic records and electronic archives',
    # --- CAS
    '提升操作系統及電郵系統': 'Upgrade of operating systems and email system',
    # --- CEDD
    '改善地理資訊系統': 'Enhancement of geographic information system',
    '加強網絡攻擊保護及資訊科技保安基建設施':
        'Strengthening of cyber attack protection and IT security infrastructure',
    '提升操作系統(總部辦事處)': 'Upgrade of operating systems (headquarters offices)',
    '提升操作系統(外設辦事處)': 'Upgrade of operating systems (outstation offices)',
    # --- CSB
    '提升網絡設備(政府總部及金鐘道政府合署辦事處)':
        'Upgrade of network equipment (Central Government Offices and Queensway Government Offices)',
    '項目管理 - 推行新的電子假期系統': 'Project management - implementation of new electronic leave system',
    '提升醫療及牙科福利資格核證工作站': 'Upgrade of medical and dental benefits eligibility verification workstations',
    '開發電子註冊系統': 'Development of electronic registration system',
    # --- CEDB
    '推行旅遊業新規管制度特別職務小組的資訊科技設施':
        'Implementation of IT facilities for the task force on the new regulatory regime for the tourism industry',
    '提升電郵系統、辦公室自動化及資訊科技基建設施(通訊及創意產業科)':
        'Upgrade of email system, office automation and IT infrastructure (Communications and Creative Industries Branch)',
    '提升香港駐海外經濟貿易辦事處的電子通訊系統':
        'Upgrade of electronic communication systems of the overseas Hong Kong Economic and Trade Offices',
    '提升辦公室自動化及資訊科技設施(工商及旅遊科和香港駐海外經濟貿易辦事處)':
        'Upgrade of office automation and IT facilities (Commerce, Industry and Tourism Branch and overseas Hong Kong Economic and Trade Offices)',
    '更新網絡設備(創意香港)': 'Replacement of network equipment (Create Hong Kong)',
    '提升操作系統及辦公室自動化設施(創意香港)': OS_OA_FAC + ' (Create Hong Kong)',
    '加強電子貨物艙單通訊閘及後端系統的資訊保安管理':
        'Strengthening of information security management of the electronic cargo manifest gateway and back-end systems',
    '提升代理設備及防火牆設施(工商及旅遊科和香港駐海外經濟貿易辦事處)':
        'Upgrade of proxy equipment and firewall facilities (Commerce, Industry and Tourism Branch and overseas Hong Kong Economic and Trade Offices)',
    '重新開發貿易報關系統': 'Redevelopment of trade declaration system',
    # --- CMAB
    '提升電郵系統及資訊科技設施(香港經濟貿易文化辦事處(台灣))':
        'Upgrade of email system and IT facilities (Hong Kong Economic, Trade and Cultural Office (Taiwan))',
    '提升辦公室自動化設施及網絡設備(駐成都經濟貿易辦事處)':
        'Upgrade of office automation facilities and network equipment (Hong Kong Economic and Trade Office in Chengdu)',
    '提升辦公室自動化設施(駐北京辦事處)':
        'Upgrade of office automation facilities (Office of the HKSAR Government in Beijing)',
    '提升辦公室自動化設施(駐上海經濟貿易辦事處)':
        'Upgrade of office automation facilities (Hong Kong Economic and Trade Office in Shanghai)',
    # --- C&ED
    '提升程式修補管理系統及軟件資產管理系統':
        'Upgrade of patch management system and software asset management system',
    '更新網絡設備': 'Replacement of network equipment',
    '提升空運貨物清關系統': 'Upgrade of Air Cargo Clearance System',
    '在單一窗口系統下與貨運商交換貨物清關數據的研究':
        'Study on exchanging cargo clearance data with freight forwarders under the Single Window system',
    '提升案件處理工作站': 'Upgrade of case processing workstations',
    '提升中央儲存區域網絡': 'Upgrade of central storage area network',
    # --- DH
    '提升兒童體能智力測驗服務資訊系統及工作站':
        'Upgrade of Child Assessment Service information system and workstations',
    '提升網絡基建設施及加強網絡保安管理':
        'Upgrade of network infrastructure and strengthening of network security management',
    '提升操作系統及辦公室自動化設施(牙科服務)': OS_OA_FAC + ' (Dental Service)',
    '提升學生健康評估管理系統及更新網絡設備':
        'Upgrade of student health assessment management system and replacement of network equipment',
    '提升學童牙科保健服務管理及資訊系統':
        'Upgrade of School Dental Care Service management and information system',
    '提升資訊科技基建設施(衞生防護中心)': 'Upgrade of IT infrastructure (Centre for Health Protection)',
    '更新美沙酮治療資訊系統': 'Revamp of methadone treatment information system',
    '家庭健康服務系統技術更新': 'Technology refresh of Family Health Service system',
    '胸肺科資訊系統技術更新': 'Technology refresh of Chest Service information system',
    # --- DEVB
    '提升電郵系統(規劃地政科)': 'Upgrade of email system (Planning and Lands Branch)',
    '加強網絡攻擊保護及資訊科技保安基建設施和資訊科技保安風險評估及審計(規劃地政科)':
        'Strengthening of cyber attack protection and IT security infrastructure, and IT security risk assessment and audit (Planning and Lands Branch)',
    '提升電郵系統(工務科)': 'Upgrade of email system (Works Branch)',
    '提升網絡基建設施(工務科)': 'Upgrade of network infrastructure (Works Branch)',
    '數碼樹木風險評估應用系統': 'Digital tree risk assessment application system',
    '提升辦公室自動化設施(規劃地政科)': 'Upgrade of office automation facilities (Planning and Lands Branch)',
    # --- EDB
    '網上遞交自資專上教育資助計劃申請及數據管理系統':
        'Online submission of applications and data management system for self-financing post-secondary education subsidy schemes',
    '更新應用學習系統': 'Revamp of Applied Learning system',
    '重新開發學生選科程式軟件': 'Redevelopment of student subject selection software',
    '改善網站及網頁內容管理系統': 'Enhancement of website and web content management system',
    # --- EffU
    '更新 1823 網站及推行智能聊天機器人服務':
        'Revamp of 1823 website and implementation of intelligent chatbot service',
    '資訊科技保安風險評估及審計和更新 1823 系統的資訊科技設施':
        'IT security risk assessment and audit, and replacement of IT facilities of the 1823 system',
    # --- EMSD
    '改善升降機及自動梯條例系統': 'Enhancement of Lifts and Escalators Ordinance system',
    # --- EPD
    '都市固體廢物收費計劃會計和登記系統':
        'Accounting and registration system for the municipal solid waste charging scheme',
    '提升資訊科技保安基建設施及加強網絡攻擊保護(環境保護互動中心)':
        'Upgrade of IT security infrastructure and strengthening of cyber attack protection (Environmental Protection Interactive Centre)',
    # --- FSTB
    '提升操作系統及辦公室自動化軟件(庫務科)': OS_OA_SW + ' (Treasury Branch)',
    # --- FEHD
    '食物進口管制系統的可行性研究和系統分析及設計':
        'Feasibility study and system analysis and design for food import control system',
    '食物貿易商入門網站及網上遞交食物進口申請(食物安全中心)':
        'Food trader portal and online submission of food import applications (Centre for Food Safety)',
    # --- FHB
    '提升辦公室自動化網絡設備': 'Upgrade of office automation network equipment',
    '提升電子健康紀錄互通系統工作站': 'Upgrade of Electronic Health Record Sharing System workstations',
    '加強電子健康紀錄互通系統的資訊保安管理':
        'Strengthening of information security management of the Electronic Health Record Sharing System',
    '遷移電子健康紀錄互通系統伺服器平台': 'Migration of Electronic Health Record Sharing System server platform',
    '更新電子健康紀錄互通系統網絡設備': 'Replacement of Electronic Health Record Sharing System network equipment',
    '提升電子健康紀錄互通系統數據備份基建設施':
        'Upgrade of Electronic Health Record Sharing System data backup infrastructure',
    '提升電子健康紀錄互通系統數據儲存系統':
        'Upgrade of Electronic Health Record Sharing System data storage system',
    # --- GFS
    '提升網絡基建設施及伺服器設備': 'Upgrade of network infrastructure and server equipment',
    # --- GL
    '提升食物資料庫系統': 'Upgrade of food database system',
    '提升樣本資訊管理系統': 'Upgrade of sample information management system',
    # --- GLD
    '更新廢棄物品倉庫系統及宿舍家具管理系統':
        'Revamp of surplus stores depot system and quarters furniture management system',
    '資訊科技保安風險評估及審計和改善資訊科技保安':
        'IT security risk assessment and audit, and enhancement of IT security',
    # --- GPA
    '遷置資訊科技設施至西九龍政府合署': 'Relocation of IT facilities to the West Kowloon Government Offices',
    # --- HyD
    '提升內聯網地圖系統': 'Upgrade of intranet map system',
    # --- HAB
    '提升中央名冊資料庫和諮詢及法定組織資料庫系統':
        'Upgrade of Central Personality Index database and advisory and statutory bodies database system',
    # --- HAD
    '改善嘉賓名單系統': 'Enhancement of guest list system',
    '提升操作系統及辦公室自動化軟件(九龍及新界區民政事務處)':
        OS_OA_SW + ' (Kowloon and New Territories District Offices)',
    '改善牌照申請追蹤資訊系統': 'Enhancement of licence application tracking information system',
    '認可殯葬區管理系統': 'Management system for permitted burial grounds',
    '網上遞交牌照申請(牌照事務處)': 'Online submission of licence applications (Office of the Licensing Authority)',
    '改善牌照資訊系統(遊戲機中心牌照及有獎娛樂遊戲牌照)':
        'Enhancement of licensing information system (amusement game centre licences and amusements with prizes licences)',
    # --- HKO
    '亞洲航空氣象中心的資訊科技設施': 'IT facilities for the Asian Aviation Meteorological Centre',
    '輻射監測及評估中心的視像顯示牆電腦系統':
        'Video wall computer system for the Radiation Monitoring and Assessment Centre',
    '改善天氣圖像顯示系統': 'Enhancement of weather graphics display system',
    '推行辦公室自動化及資訊科技基建設施的管理系統':
        'Implementation of a management system for office automation and IT infrastructure',
    '設立企業數據架構 - 中央數據儲存庫':
        'Establishment of enterprise data architecture - central data repository',
    '更新風切變及湍流預警電腦系統': 'Revamp of windshear and turbulence alerting computer system',
    # --- HKPF
    '蓮塘／香園圍口岸警察行動基地及報案中心的資訊科技設施':
        'IT facilities for the police operational base and report room at the Liantang/Heung Yuen Wai Boundary Control Point',
    '開發網絡服務供應商記錄查核資訊管理系統':
        'Development of information management system for checking records of network service providers',
    '災難遇害者屍體檢查資訊系統': 'Disaster victim body examination information system',
    '香港警察學院電子訓練資料儲存系統': 'Hong Kong Police College electronic training materials repository system',
    '更新犯罪取證及專家工具功能的資訊科技設備':
        'Replacement of IT equipment for crime forensics and expert tool functions',
    '提升刑事情報及重大事件管理工作站的操作系統':
        'Upgrade of operating systems of criminal intelligence and major incident management workstations',
    # --- ImmD
    '提升操作系統及資訊科技保安基建設施': 'Upgrade of operating systems and IT security infrastructure',
    # --- ICAC
    '提升人力資源管理資訊系統': 'Upgrade of human resource management information system',
    '執行處資訊系統技術更新': 'Technology refresh of Operations Department information system',
    # --- ISD
    '開發資訊管理基礎': 'Development of information management foundation',
    '提升資訊科技基建設施': 'Upgrade of IT infrastructure',
    '建立中央儲存庫系統及內部入門網站': 'Establishment of central repository system and internal portal',
    # --- IRD
    '改善稅務管理應用系統': 'Enhancement of tax administration application systems',
    '起訴個案管理系統': 'Prosecution case management system',
    '「稅務易」技術更新': 'Technology refresh of eTAX',
    '加強中型系統和局域網絡系統的資訊保安管理':
        'Strengthening of information security management of mid-range systems and local area network systems',
    '提升數據輸入系統': 'Upgrade of data entry system',
    '提升政府現金收款系統': 'Upgrade of government cash receipt system',
    '改善工作流程管理系統': 'Enhancement of workflow management system',
    # --- ITB
    '提升電郵系統和資訊科技保安風險評估及審計':
        'Upgrade of email system, and IT security risk assessment and audit',
    # --- ITC
    '改善創新科技署基金管理系統': 'Enhancement of Innovation and Technology Commission fund management system',
    # --- InvestHK: recurring names only
    # --- LD
    '僱員補償電腦系統技術更新及提升資訊科技設施(僱員補償科)':
        "Technology refresh of employees' compensation computer system and upgrade of IT facilities (Employees' Compensation Division)",
    '加強就業服務系統的資訊保安管理':
        'Strengthening of information security management of the employment services system',
    '職業安全及健康管理資訊系統技術更新':
        'Technology refresh of occupational safety and health management information system',
    '改善壓力器具資訊系統': 'Enhancement of pressure equipment information system',
    # --- LandsD
    '提升航空照片識別系統': 'Upgrade of aerial photograph identification system',
    '提升攝影測量工作站及伺服器': 'Upgrade of photogrammetric workstations and servers',
    '提升辦公室自動化系統及設施(測繪處)':
        'Upgrade of office automation systems and facilities (Survey and Mapping Office)',
    '提升操作系統(測繪處)': 'Upgrade of operating systems (Survey and Mapping Office)',
    '無人駕駛飛機及訓練工作站(測繪處)':
        'Unmanned aircraft and training workstations (Survey and Mapping Office)',
    '三維地圖納入土地信息系統的可行性研究':
        'Feasibility study on incorporating 3D maps into the land information system',
    '提升操作系統(地政處、部門行政處和法律諮詢及田土轉易處)(第 3 期)':
        'Upgrade of operating systems (Lands Administration Office, Departmental Administration Office, and Legal Advisory and Conveyancing Office) (Phase 3)',
    '地圖應用程式互聯網界面': 'Map application programming interface on the Internet',
    '繪圖系統技術更新': 'Technology refresh of mapping system',
    '設計及竣工圖則數據管理系統 (測繪處)':
        'Design and as-built plans data management system (Survey and Mapping Office)',
    # --- LAD
    '部門資訊科技計劃研究和個案管理及會計系統更新的可行性研究':
        'Departmental IT plan study, and feasibility study on revamping the case management and accounting system',
    # --- LCSD
    '提升游泳池月票系統': 'Upgrade of swimming pool monthly ticket system',
    '提升康體通系統的資訊科技基建設施及工作站':
        'Upgrade of IT infrastructure and workstations of the Leisure Link system',
    '提升香港公共圖書館自助服務附屬系統':
        'Upgrade of Hong Kong Public Libraries self-service subsystem',
    '改善年度體育活動系統': 'Enhancement of annual sports programme system',
    '提升機密電郵系統的操作系統': 'Upgrade of operating systems of the confidential email system',
    '提升博物館服務電子推廣系統': 'Upgrade of museum services electronic promotion system',
    '提升收費處理系統': 'Upgrade of fee processing system',
    '提升直接採購權管理系統的報表服務':
        'Upgrade of reporting services of the direct purchase authority management system',
    # --- MD
    '提升部門網絡基建設施': 'Upgrade of departmental network infrastructure',
    '提升網上互動評估系統': 'Upgrade of online interactive assessment system',
    '推行人力資源管理系統': 'Implementation of human resource management system',
    # --- OGCIO
    '全政府防範仿冒詐騙運動': 'Government-wide anti-phishing campaign',
    '更新域名寄存服務設備': 'Replacement of domain name hosting service equipment',
    '提升政府財政預算答問審議共用系統及開發網上建立電子文件附屬系統':
        'Upgrade of the government common system for budget examination questions and replies, and development of an online e-document creation subsystem',
    '數碼共融學習一站通': 'Digital inclusion learning one-stop portal',
    '改善資訊安全網站': 'Enhancement of InfoSec website',
    '改善中央管理電郵服務的網絡基建設施':
        'Enhancement of network infrastructure of the centrally managed messaging service',
    '統一登記服務及地址更改服務技術更新':
        'Technology refresh of the unified registration service and change of address service',
    '網絡風險資訊共享平台': 'Cyber risk information sharing platform',
    '檢視政府資訊科技保安的相關規例、政策及指引':
        'Review of government IT security regulations, policies and guidelines',
    '提升數碼政府合署主網絡': 'Upgrade of the Digital Government Building backbone network',
    # --- ORO
    '提升電子服務系統': 'Upgrade of electronic services system',
    # --- PlanD
    '提升網絡設備及資訊科技保安': 'Upgrade of network equipment and IT security',
    # --- RVD
    '推行中央存取及搜尋設施': 'Implementation of central access and search facilities',
    '推行一站式登入方案': 'Implementation of single sign-on solution',
    '提升綜合物業資料庫': 'Upgrade of integrated property database',
    # --- REO
    '提升操作系統、辦公室自動化軟件及軟件資產管理系統':
        'Upgrade of operating systems, office automation software and software asset management system',
    # --- SWD
    '服務使用者資訊系統技術更新': 'Technology refresh of service user information system',
    '重新開發長者卡電腦系統': 'Redevelopment of Senior Citizen Card computer system',
    '機構管理資訊系統的可行性研究': 'Feasibility study on agency management information system',
    '重新開發會計及管理資料系統': 'Redevelopment of accounting and management information system',
    '更新義工運動網站': 'Revamp of Volunteer Movement website',
    '提升部門內聯網': 'Upgrade of departmental intranet',
    # --- TID
    '提升部門入門網站': 'Upgrade of departmental portal',
    # --- THB
    '資訊科技保安風險評估及審計(運輸科)': RA + ' (Transport Branch)',
    '提升辦公室自動化設施(運輸科)': 'Upgrade of office automation facilities (Transport Branch)',
    # --- TD
    '推行身份管理系統': 'Implementation of identity management system',
    '加強車輛牌照及駕駛執照綜合資料系統的資訊保安管理和提升工作站':
        'Strengthening of information security management of the vehicle and driving licensing integrated data system, and upgrade of workstations',
    '提升操作系統及個人電腦': 'Upgrade of operating systems and personal computers',
    '提升車輛登記號碼系統': 'Upgrade of vehicle registration mark system',
    '提升道路駕駛考試監控系統': 'Upgrade of road driving test monitoring system',
    # --- Treasury
    '推行應用程式白名單方案': 'Implementation of application whitelisting solution',
    '提升教育津貼及旅費系統、政府公務員薪金預支系統、薪俸附帶褔利及員工成本計算系統及尚餘假期負債系統':
        'Upgrade of the education allowances and passage system, civil servants salary advance system, '
        'on-cost and staff cost calculation system, and untaken leave liability system',
    '提升電子文件管理系統': 'Upgrade of electronic document management system',
    '提升中央文件傳輸通訊閘': 'Upgrade of central file transfer gateway',
    # --- WSD
    '建立「惜水學堂」節約用水教育計劃網上平台':
        'Establishment of an online platform for the Cherish Water Campus water conservation education programme',
    '提升客戶服務及發單系統的人力管理附屬系統':
        'Upgrade of the workforce management subsystem of the customer care and billing system',
    # --- WFSFAA
    '加強資訊保安管理(學生資助處)': 'Strengthening of information security management (Student Finance Office)',
    '改善在職家庭津貼管理系統': 'Enhancement of Working Family Allowance management system',
    '資訊科技保安風險評估及審計(在職家庭津貼辦事處)': RA + ' (Working Family Allowance Office)',
    '提升電郵系統、操作系統及辦公室自動化軟件(在職家庭津貼辦事處)':
        'Upgrade of email system, operating systems and office automation software (Working Family Allowance Office)',
    '提升電郵系統及辦公室自動化設施(學生資助處)':
        'Upgrade of email system and office automation facilities (Student Finance Office)',
    '改善電子遞交系統的網上文件遞交入門網站(學生資助處)':
        'Enhancement of the online document submission portal of the electronic submission system (Student Finance Office)',
    '資訊科技保安風險評估及審計(學生資助處)': RA + ' (Student Finance Office)',
}
