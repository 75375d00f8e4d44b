"""Offers: chemical engineering, materials, nanotechnology, civil engineering (204, 205, 210, 201, 104)."""

from . import offer

ICH = "Viện Hóa học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
IMS = "Viện Khoa học vật liệu, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
ITT = "Viện Kỹ thuật nhiệt đới, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
SCLS = "Trường Hóa và Khoa học sự sống, Đại học Bách khoa Hà Nội"
SMSE = "Trường Vật liệu, Đại học Bách khoa Hà Nội"
VIC = "Viện Hóa học công nghiệp Việt Nam"
VIBM = "Viện Vật liệu xây dựng"
NUCE = "Trường Đại học Xây dựng Hà Nội"
UTC = "Trường Đại học Giao thông vận tải"
HUS = "Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội"
INPC = "Viện Hóa học các hợp chất thiên nhiên, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"

OFFERS = [
    # --- chemical engineering (204) ---
    offer(
        "HH01",
        "204",
        ITT,
        "Sơn chống ăn mòn hệ nước cho kết cấu thép vùng ven biển",
        "Sơn lót chứa phụ gia ức chế ăn mòn thân thiện môi trường và sơn phủ epoxy hệ nước, chịu mù muối 1.000 giờ. Dùng "
        "cho cầu thép, cột điện, nhà xưởng ven biển.",
        "sơn chống ăn mòn; sơn hệ nước; kết cấu thép; ven biển; ức chế ăn mòn",
        8,
        "patent",
        "licence",
    ),
    offer(
        "HH02",
        "204",
        VIC,
        "Sản xuất chất keo tụ PAC (poly nhôm clorua) dùng xử lý nước cấp và nước thải",
        "Quy trình sản xuất PAC dạng lỏng và bột từ nhôm hydroxit và axit clohydric, hàm lượng Al2O3 30%. Chuyển giao dây "
        "chuyền 5.000 tấn/năm.",
        "PAC; poly nhôm clorua; chất keo tụ; hóa chất xử lý nước",
        9,
        "secret",
        "licence",
    ),
    offer(
        "HH03",
        "204",
        SCLS,
        "Nước rửa chén, nước giặt sinh học từ quả bồ hòn và enzyme",
        "Công thức chất tẩy rửa dùng saponin chiết từ bồ hòn kết hợp enzyme protease, lipase, không chứa phosphat. Phù hợp "
        "doanh nghiệp nhỏ và sản phẩm OCOP.",
        "bồ hòn; saponin; chất tẩy rửa sinh học; nước rửa chén; nước giặt",
        8,
        "none",
        "licence training",
    ),
    offer(
        "HH04",
        "204",
        VIC,
        "Xúc tác rắn sản xuất biodiesel từ dầu ăn đã qua sử dụng",
        "Xúc tác dị thể trên nền vỏ trứng và tro trấu, chuyển hóa dầu chiên thải thành biodiesel đạt TCVN 7717 ở quy mô "
        "100 lít/mẻ.",
        "biodiesel; dầu ăn thải; xúc tác rắn; nhiên liệu sinh học",
        6,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "HH05",
        "204",
        ICH,
        "Chất chống cháy cho gỗ, vải và vật liệu nội thất",
        "Dung dịch ngâm tẩm chứa hợp chất phospho - nitơ giúp gỗ, vải rèm đạt cấp chống cháy B1, không chứa halogen độc "
        "hại.",
        "chất chống cháy; gỗ; vải rèm; nội thất; phòng cháy",
        7,
        "patent",
        "licence",
    ),
    offer(
        "HH06",
        "204",
        "Viện Hóa học - Vật liệu, Viện Khoa học và Công nghệ quân sự",
        "Keo dán gỗ công nghiệp không phát thải formaldehyde từ lignin",
        "Keo dán gốc lignin - tanin thay keo urê formaldehyde cho ván dăm, ván ép, đạt tiêu chuẩn phát thải E0.",
        "keo dán gỗ; formaldehyde; lignin; ván ép; ván dăm",
        6,
        "patent_pending",
        "joint_venture licence",
    ),
    offer(
        "HH07",
        "204",
        INPC,
        "Chiết xuất tinh dầu và hợp chất thơm bằng CO2 siêu tới hạn",
        "Thiết bị chiết CO2 siêu tới hạn 5-50 lít thu tinh dầu gừng, quế, hồi, tinh dầu gấc không dư dung môi. Nhận gia "
        "công và chuyển giao quy trình.",
        "CO2 siêu tới hạn; chiết xuất tinh dầu; gừng; quế; không dung môi",
        7,
        "none",
        "consulting licence",
    ),
    offer(
        "HH08",
        "204",
        SCLS,
        "Mỹ phẩm thiên nhiên: xà phòng, dầu gội, son dưỡng từ nguyên liệu bản địa",
        "Công thức xà phòng thủ công từ dầu dừa, tinh dầu sả chanh; dầu gội bồ kết - hương nhu; son dưỡng sáp ong. Hỗ trợ "
        "công bố mỹ phẩm.",
        "mỹ phẩm thiên nhiên; xà phòng thủ công; dầu gội bồ kết; son dưỡng",
        8,
        "none",
        "training licence",
    ),
    offer(
        "HH09",
        "204",
        VIC,
        "Phân bón NPK nhả chậm bọc polyme phân hủy sinh học",
        "Hạt phân NPK được bọc lớp polyme sinh học điều khiển tốc độ giải phóng dinh dưỡng trong 60-90 ngày, giảm 30% lượng "
        "bón và thất thoát đạm.",
        "phân bón nhả chậm; NPK; bọc polyme; giảm thất thoát đạm",
        7,
        "patent",
        "licence",
    ),
    offer(
        "HH10",
        "204",
        ICH,
        "Tổng hợp chất hoạt động bề mặt sinh học cho thu hồi dầu và tẩy rửa công nghiệp",
        "Rhamnolipid sản xuất bằng lên men vi khuẩn, dùng làm sạch bồn dầu và tẩy rửa thiết bị. Mới ở quy mô phòng thí "
        "nghiệm.",
        "chất hoạt động bề mặt sinh học; rhamnolipid; tẩy rửa công nghiệp",
        3,
        "none",
        "joint_venture",
    ),
    # --- materials (205), nano (210) ---
    offer(
        "VL01",
        "205",
        VIBM,
        "Gạch không nung từ tro bay và xỉ nhiệt điện",
        "Cấp phối tro bay, xỉ đáy lò, vôi và xi măng ép tạo gạch bê tông nhẹ, cường độ 7,5-10 MPa. Giảm bãi thải nhà máy "
        "nhiệt điện và thay gạch đất sét nung.",
        "gạch không nung; tro bay; xỉ nhiệt điện; vật liệu xây không nung",
        9,
        "utility_solution",
        "licence consulting",
    ),
    offer(
        "VL02",
        "205",
        NUCE,
        "Bê tông geopolymer không dùng xi măng từ phụ phẩm công nghiệp",
        "Chất kết dính kiềm hoạt hóa tro bay và xỉ lò cao, phát thải CO2 thấp hơn 60% so với xi măng. Đã thử nghiệm cấu "
        "kiện đúc sẵn rãnh thoát nước.",
        "bê tông geopolymer; không xi măng; tro bay; xỉ lò cao; phát thải thấp",
        6,
        "patent_pending",
        "joint_venture licence",
    ),
    offer(
        "VL03",
        "210",
        IMS,
        "Dung dịch nano bạc kháng khuẩn cho khử trùng bề mặt và dệt may",
        "Nano bạc kích thước 10-20 nm ổn định 2 năm, dùng pha dung dịch khử trùng bề mặt, ngâm tẩm vải kháng khuẩn, khẩu "
        "trang. Quy trình sản xuất 100 lít/mẻ.",
        "nano bạc; kháng khuẩn; khử trùng; vải kháng khuẩn",
        8,
        "patent",
        "licence assignment",
    ),
    offer(
        "VL04",
        "210",
        HUS,
        "Lớp phủ TiO2 quang xúc tác tự làm sạch và khử mùi cho kính, gạch ốp",
        "Lớp phủ nano TiO2 pha tạp hoạt động dưới ánh sáng khả kiến, phân hủy chất hữu cơ bám bẩn và khử mùi trong phòng. "
        "Đã thử trên gạch ốp ngoài trời 12 tháng.",
        "TiO2; quang xúc tác; tự làm sạch; khử mùi; lớp phủ nano",
        6,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "VL05",
        "205",
        SMSE,
        "Tấm composite nhựa - sợi tre, sợi đay thay gỗ cho nội thất và ô tô",
        "Composite nền polypropylene gia cường sợi thực vật, ép nóng tạo tấm, chi tiết nội thất. Nhẹ hơn 20% so với tấm "
        "sợi thủy tinh.",
        "composite sợi tự nhiên; sợi tre; sợi đay; thay thế gỗ; nội thất",
        6,
        "none",
        "joint_venture licence",
    ),
    offer(
        "VL06",
        "205",
        SMSE,
        "Công nghệ đúc chính xác (đúc mẫu chảy) chi tiết thép không gỉ",
        "Đúc mẫu chảy cho cánh bơm, chi tiết van, dụng cụ y tế bằng thép không gỉ, độ nhám bề mặt thấp, giảm gia công cắt "
        "gọt.",
        "đúc mẫu chảy; đúc chính xác; thép không gỉ; cánh bơm",
        9,
        "none",
        "consulting licence",
    ),
    offer(
        "VL07",
        "205",
        ITT,
        "Mạ kẽm nhúng nóng và xử lý bề mặt chống gỉ cho kết cấu thép",
        "Cải tiến bể mạ, trợ dung và thụ động hóa không crom giúp lớp mạ bền 20-30 năm, giảm kẽm tiêu hao và chất thải "
        "nguy hại.",
        "mạ kẽm nhúng nóng; chống gỉ; thụ động hóa; kết cấu thép",
        9,
        "none",
        "consulting training",
    ),
    offer(
        "VL08",
        "210",
        IMS,
        "Vật liệu aerogel silica cách nhiệt siêu nhẹ",
        "Aerogel silica sấy ở áp suất thường từ tro trấu, hệ số dẫn nhiệt 0,02 W/m.K. Mới chế tạo quy mô phòng thí "
        "nghiệm, tìm đối tác ứng dụng cách nhiệt.",
        "aerogel; cách nhiệt; silica; tro trấu; vật liệu nhẹ",
        4,
        "patent_pending",
        "joint_venture",
    ),
    offer(
        "VL09",
        "210",
        "Viện Tiên tiến Khoa học và Công nghệ (AIST), Đại học Bách khoa Hà Nội",
        "Cảm biến khí nano oxit kim loại phát hiện amoniac và khí độc nồng độ thấp",
        "Màng nano SnO2, WO3 trên đế vi điện cực phát hiện NH3, H2S ở mức ppm. Đã chế tạo mẫu, đang tích hợp vào thiết bị "
        "cầm tay.",
        "cảm biến khí nano; oxit kim loại; amoniac; khí độc; SnO2",
        4,
        "patent",
        "joint_venture licence",
    ),
    offer(
        "VL10",
        "210",
        HUS,
        "Hạt nano từ tính Fe3O4 tách kim loại nặng và phẩm màu trong nước",
        "Hạt nano oxit sắt từ bọc chitosan hấp phụ asen, chì và thuốc nhuộm, thu hồi bằng nam châm. Mẫu thử nghiệm trên "
        "nước thải nhuộm cho hiệu quả trên 90%.",
        "nano từ tính; Fe3O4; kim loại nặng; phẩm màu; hấp phụ",
        4,
        "patent",
        "joint_venture",
    ),
    offer(
        "VL11",
        "205",
        IMS,
        "Vật liệu hấp phụ từ bã thải nông nghiệp (than hoạt tính từ vỏ dừa, lõi ngô)",
        "Quy trình hoạt hóa hơi nước sản xuất than hoạt tính diện tích bề mặt 900-1.100 m2/g dùng lọc nước, lọc khí, mặt nạ "
        "phòng độc.",
        "than hoạt tính; vỏ dừa; lõi ngô; vật liệu hấp phụ; lọc nước",
        8,
        "none",
        "licence",
    ),
    offer(
        "VL12",
        "205",
        SMSE,
        "Gốm sứ kỹ thuật và men gốm không chì cho làng nghề gốm",
        "Bài men không chì, không cadimi đạt tiêu chuẩn an toàn cho đồ đựng thực phẩm; nung ở nhiệt độ thấp hơn 50 °C, "
        "tiết kiệm nhiên liệu.",
        "men gốm không chì; gốm sứ; làng nghề gốm; an toàn thực phẩm",
        8,
        "secret",
        "licence training",
    ),
    # --- civil engineering (201) ---
    offer(
        "XD01",
        "201",
        NUCE,
        "Quan trắc sức khỏe kết cấu cầu và nhà cao tầng bằng cảm biến không dây",
        "Cảm biến gia tốc, biến dạng, nghiêng truyền không dây về phần mềm phân tích, cảnh báo khi kết cấu có dấu hiệu bất "
        "thường. Đã lắp cho hai cầu trên địa bàn Hà Nội.",
        "quan trắc kết cấu; sức khỏe kết cấu; cầu; nhà cao tầng; cảm biến không dây",
        7,
        "other",
        "consulting licence",
    ),
    offer(
        "XD02",
        "201",
        NUCE,
        "Xử lý nền đất yếu bằng cọc xi măng đất và bấc thấm cho đường giao thông nông thôn",
        "Thiết kế và thi công cọc xi măng đất, bấc thấm gia tải trước cho nền đường, kênh mương trên đất yếu đồng bằng sông "
        "Hồng. Rút ngắn thời gian cố kết 50%.",
        "nền đất yếu; cọc xi măng đất; bấc thấm; đường giao thông nông thôn",
        9,
        "none",
        "consulting",
    ),
    offer(
        "XD03",
        "201",
        UTC,
        "Bê tông nhựa dùng cao su phế thải và nhựa tái chế cho mặt đường",
        "Phụ gia bột cao su lốp xe và nhựa PE tái chế cải thiện khả năng chống hằn lún, nứt mỏi của bê tông nhựa. Đã rải "
        "thử nghiệm 500 m đường.",
        "bê tông nhựa; cao su phế thải; nhựa tái chế; mặt đường; hằn lún",
        7,
        "patent_pending",
        "licence joint_venture",
    ),
    offer(
        "XD04",
        "201",
        "Viện Khoa học Công nghệ Xây dựng",
        "Thiết kế và thi công mái xanh, tường xanh cho công trình đô thị",
        "Hệ lớp chống thấm, thoát nước, giá thể nhẹ và cây bản địa cho mái bằng và tường đứng, giảm nhiệt độ trong nhà 2-3 "
        "°C và giữ nước mưa.",
        "mái xanh; tường xanh; công trình xanh; chống nóng; đô thị",
        8,
        "none",
        "consulting",
    ),
    offer(
        "XD05",
        "201",
        NUCE,
        "Mô hình thông tin công trình (BIM) trong quản lý dự án đầu tư xây dựng công",
        "Tư vấn lập mô hình BIM, quy trình phối hợp và môi trường dữ liệu chung cho chủ đầu tư, ban quản lý dự án; đào "
        "tạo cán bộ.",
        "BIM; mô hình thông tin công trình; quản lý dự án; xây dựng",
        9,
        "none",
        "consulting training",
    ),
    offer(
        "XD06",
        "201",
        "Viện Khoa học Thủy lợi Việt Nam",
        "Kè bảo vệ bờ sông bằng cấu kiện bê tông đúc sẵn lắp ghép thân thiện môi trường",
        "Cấu kiện bê tông có lỗ rỗng cho cây cỏ mọc, lắp ghép nhanh không cần vòng vây, chống sạt lở bờ sông, kênh.",
        "kè bờ sông; cấu kiện đúc sẵn; chống sạt lở; thủy lợi",
        9,
        "utility_solution",
        "licence consulting",
    ),
    offer(
        "XD07",
        "201",
        NUCE,
        "Nhà lắp ghép khung thép nhẹ cho nhà ở xã hội và nhà ở vùng lũ",
        "Khung thép mạ kẽm tạo hình nguội, tấm tường bê tông nhẹ, lắp dựng 300 m2 trong 2 tuần; nhà có sàn cao chống ngập.",
        "nhà lắp ghép; khung thép nhẹ; nhà ở xã hội; nhà chống lũ",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "XD08",
        "201",
        "Công ty CP Công nghệ Xây dựng In 3D",
        "In 3D nhà ở bằng vữa bê tông (thử nghiệm)",
        "Máy in 3D khổ lớn đùn vữa bê tông tạo tường nhà một tầng. Mới in thử một số mẫu tường, chưa có quy chuẩn áp dụng.",
        "in 3D bê tông; in nhà 3D; xây dựng tự động",
        4,
        "none",
        "joint_venture",
    ),
    offer(
        "XD09",
        "201",
        "Viện Khoa học Công nghệ Xây dựng",
        "Vật liệu và giải pháp chống thấm cho tầng hầm, mái và bể nước",
        "Màng chống thấm gốc xi măng - polyme và tinh thể thẩm thấu, thi công trên bề mặt ẩm; kiểm định chống thấm 20 năm.",
        "chống thấm; tầng hầm; mái; bể nước; tinh thể thẩm thấu",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "XD10",
        "201",
        UTC,
        "Hệ thống quản lý và bảo trì đường bộ dựa trên ảnh camera gắn xe",
        "Camera gắn ô tô chạy tuyến, phát hiện ổ gà, vết nứt, hư hỏng biển báo bằng học sâu; lập kế hoạch duy tu theo mức "
        "độ hư hỏng.",
        "bảo trì đường bộ; ổ gà; vết nứt mặt đường; camera; học sâu",
        7,
        "other",
        "licence consulting",
    ),
]
