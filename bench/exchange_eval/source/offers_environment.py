"""Offers: wastewater, solid waste, air, environmental biotechnology, earth sciences (207, 208, 105)."""

from . import offer

INEST = "Viện Khoa học và Công nghệ Môi trường, Đại học Bách khoa Hà Nội"
IET = "Viện Công nghệ môi trường, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
HUS = "Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội"
CETASD = "Trung tâm Nghiên cứu Công nghệ Môi trường và Phát triển bền vững (CETASD), Trường ĐH Khoa học Tự nhiên"
NUCE = "Trường Đại học Xây dựng Hà Nội"
VNUA_ENV = "Khoa Tài nguyên và Môi trường, Học viện Nông nghiệp Việt Nam"
TLU = "Trường Đại học Thủy lợi"
IMBT = "Viện Vi sinh vật và Công nghệ sinh học, Đại học Quốc gia Hà Nội"
IBT = "Viện Công nghệ sinh học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
HUMG = "Trường Đại học Mỏ - Địa chất"
IG = "Viện Địa lý, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
VNSC = "Trung tâm Vũ trụ Việt Nam, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"

OFFERS = [
    # --- livestock wastewater ---
    offer(
        "MT01",
        "207",
        INEST,
        "Hệ thống xử lý nước thải chăn nuôi lợn quy mô trang trại: biogas kết hợp thiếu khí - hiếu khí và lọc sinh học",
        "Nước thải sau hầm biogas được xử lý tiếp qua bể thiếu khí - hiếu khí (A/O) và bể lọc sinh học ngập nước để "
        "khử nitơ, amoni và COD. Đầu ra đạt QCVN 62-MT:2016/BTNMT cột B, chi phí vận hành khoảng 3.500 đồng/m3. "
        "Đã lắp đặt cho 12 trang trại 500-3.000 con lợn ở Hà Nội, Bắc Ninh và Hưng Yên.",
        "nước thải chăn nuôi; trang trại lợn; biogas; thiếu khí hiếu khí; QCVN 62",
        8,
        "utility_solution",
        "licence consulting training",
    ),
    offer(
        "MT02",
        "207",
        IET,
        "Công nghệ xử lý nước thải chăn nuôi sau biogas bằng bãi lọc trồng cây (đất ngập nước kiến tạo)",
        "Bãi lọc dòng chảy ngầm trồng sậy và cỏ vetiver xử lý nước thải sau hầm biogas, không cần hóa chất và tốn ít "
        "điện. Phù hợp các hộ và gia trại có sẵn diện tích đất trũng. Hiệu quả khử amoni trên 80%, nước sau xử lý "
        "có thể dùng tưới cây.",
        "bãi lọc trồng cây; đất ngập nước; nước thải sau biogas; chăn nuôi quy mô hộ",
        7,
        "none",
        "consulting training",
    ),
    offer(
        "MT03",
        "207",
        VNUA_ENV,
        "Mô hình xử lý chất thải chăn nuôi bằng hầm biogas composite kết hợp ao sinh học cho hộ gia đình",
        "Hầm biogas composite lắp ghép, dung tích 6-15 m3, đi kèm chuỗi ao sinh học thả bèo tây để hoàn thiện xử lý. "
        "Khí sinh học dùng đun nấu, bã thải ủ làm phân bón. Đã chuyển giao cho hơn 200 hộ ở ngoại thành Hà Nội.",
        "biogas composite; chất thải chăn nuôi; ao sinh học; hộ gia đình",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "MT04",
        "207",
        HUS,
        "Màng lọc gốm xử lý amoni trong nước thải chăn nuôi ở quy mô phòng thí nghiệm",
        "Nghiên cứu chế tạo màng gốm từ cao lanh biến tính để tách amoni và chất rắn lơ lửng khỏi nước thải chuồng "
        "lợn. Kết quả thí nghiệm trên mẫu thực đạt hiệu suất tách 70%, chưa thử nghiệm ở trang trại. Tìm đối tác cùng "
        "phát triển pilot.",
        "màng lọc gốm; amoni; nước thải chăn nuôi; nghiên cứu",
        3,
        "patent_pending",
        "joint_venture",
    ),
    offer(
        "MT05",
        "207",
        "Công ty TNHH Môi trường Xanh Sông Hồng",
        "Thiết bị xử lý nước thải chăn nuôi bò sữa dạng module, tách phân và tuần hoàn nước rửa chuồng",
        "Module gồm máy ép tách phân trục vít, bể keo tụ - lắng và bể hiếu khí giá thể di động (MBBR). Nước sau xử lý "
        "được dùng lại để rửa chuồng, phân khô bán làm phân bón. Công suất 20-100 m3/ngày, lắp đặt trong 2 tuần.",
        "bò sữa; máy ép tách phân; MBBR; tuần hoàn nước rửa chuồng",
        8,
        "secret",
        "licence consulting",
    ),
    # --- craft villages, food processing ---
    offer(
        "MT06",
        "207",
        INEST,
        "Xử lý nước thải làng nghề chế biến nông sản (bún, miến, tinh bột) bằng UASB và hồ hiếu khí",
        "Nước thải chế biến tinh bột dong riềng, sắn và bún có COD rất cao (5.000-15.000 mg/l) và pH thấp. Công nghệ "
        "kết hợp bể điều hòa trung hòa, bể kỵ khí UASB thu khí và hồ hiếu khí sục khí. Đã áp dụng tại làng nghề "
        "miến Cự Đà và Dương Liễu.",
        "làng nghề; nước thải chế biến tinh bột; bún miến; UASB; COD cao",
        8,
        "none",
        "consulting licence",
    ),
    offer(
        "MT07",
        "207",
        IET,
        "Công nghệ keo tụ - oxy hóa Fenton xử lý nước thải dệt nhuộm làng nghề",
        "Xử lý màu và COD khó phân hủy trong nước thải nhuộm của các hộ dệt lụa, dệt may thủ công bằng keo tụ PAC "
        "và oxy hóa Fenton. Hệ thống gọn, có thể đặt tại trạm xử lý tập trung của cụm làng nghề. Độ màu đầu ra dưới "
        "150 Pt-Co.",
        "dệt nhuộm; nước thải màu; Fenton; keo tụ; làng nghề dệt",
        7,
        "utility_solution",
        "licence consulting",
    ),
    offer(
        "MT08",
        "207",
        CETASD,
        "Trạm xử lý nước thải tập trung cho cụm làng nghề tái chế giấy",
        "Dây chuyền tuyển nổi khí hòa tan thu hồi bột giấy, tiếp theo là xử lý sinh học hiếu khí. Bột giấy thu hồi "
        "quay lại sản xuất, giảm 15% nguyên liệu. Thiết kế cho công suất 500-2.000 m3/ngày.",
        "tái chế giấy; tuyển nổi; thu hồi bột giấy; làng nghề",
        7,
        "none",
        "consulting",
    ),
    offer(
        "MT09",
        "207",
        "Công ty CP Công nghệ Môi trường Thăng Long",
        "Xử lý nước thải chế biến thủy sản và giết mổ gia súc bằng tuyển nổi DAF và MBBR",
        "Tách dầu mỡ, máu và chất rắn bằng tuyển nổi khí hòa tan (DAF), sau đó xử lý sinh học trên giá thể di động. "
        "Phù hợp cơ sở giết mổ tập trung và xưởng chế biến thủy sản 50-500 m3/ngày.",
        "giết mổ gia súc; chế biến thủy sản; DAF; dầu mỡ; MBBR",
        8,
        "secret",
        "licence consulting",
    ),
    # --- hospital, domestic ---
    offer(
        "MT10",
        "207",
        INEST,
        "Thiết bị hợp khối xử lý nước thải bệnh viện công nghệ AAO kết hợp màng lọc MBR",
        "Module hợp khối bằng composite xử lý nước thải y tế từ 20 đến 300 m3/ngày, khử trùng bằng tia cực tím, đạt "
        "QCVN 28:2010/BTNMT cột A. Chiếm ít diện tích, có thể đặt ngầm trong khuôn viên bệnh viện tuyến huyện và "
        "trung tâm y tế.",
        "nước thải bệnh viện; nước thải y tế; AAO; MBR; hợp khối",
        9,
        "utility_solution",
        "licence assignment consulting",
    ),
    offer(
        "MT11",
        "207",
        "Công ty TNHH Kỹ thuật Môi trường Hà Thành",
        "Hệ thống xu ly nuoc thai y te cho phong kham, co so xet nghiem quy mo nho",
        "Thiet bi dang tu dung 2-10 m3/ngay, xu ly sinh hoc hieu khi va khu trung bang clo. Lap dat nhanh, van hanh "
        "tu dong, phu hop phong kham da khoa, phong xet nghiem, tram y te xa.",
        "nuoc thai y te; phong kham; tram y te; khu trung",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "MT12",
        "207",
        NUCE,
        "Bể tự hoại cải tiến BASTAF xử lý nước thải sinh hoạt cho hộ gia đình và trường học",
        "Bể tự hoại có ngăn lọc kỵ khí dòng hướng lên, hiệu quả xử lý cao gấp 2-3 lần bể tự hoại truyền thống. Phù "
        "hợp nhà ở, trường học, nhà văn hóa thôn chưa có hệ thống thoát nước tập trung.",
        "bể tự hoại cải tiến; BASTAF; nước thải sinh hoạt; trường học",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "MT13",
        "207",
        "Công ty CP Môi trường Đô thị Xanh",
        "Trạm xử lý nước thải sinh hoạt phân tán dạng Johkasou cho khu dân cư, khu đô thị nhỏ",
        "Thiết bị Johkasou bằng nhựa FRP, công suất 5-200 m3/ngày, xử lý sinh học thiếu - hiếu khí có giá thể. "
        "Không cần mạng lưới thoát nước dài, đầu ra đạt QCVN 14:2008/BTNMT. Bảo hành 5 năm.",
        "Johkasou; nước thải sinh hoạt; xử lý phân tán; khu dân cư",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "MT14",
        "207",
        IET,
        "Xử lý nước rỉ rác bãi chôn lấp bằng keo tụ điện hóa và oxy hóa nâng cao",
        "Nước rỉ rác có amoni và chất hữu cơ khó phân hủy rất cao. Quy trình gồm tách amoni bằng tháp stripping, keo "
        "tụ điện hóa và oxy hóa nâng cao (ozon/H2O2). Đã chạy pilot 10 m3/ngày tại một bãi chôn lấp ở Hà Nội.",
        "nước rỉ rác; bãi chôn lấp; keo tụ điện hóa; stripping amoni",
        6,
        "patent_pending",
        "joint_venture consulting",
    ),
    offer(
        "MT15",
        "207",
        TLU,
        "Giải pháp làm sạch nước sông, kênh mương ô nhiễm bằng thảm thực vật nổi và sục khí",
        "Đảo nổi trồng cây thủy sinh kết hợp sục khí đáy giúp giảm mùi, tăng oxy hòa tan và hấp thu dinh dưỡng trong "
        "các đoạn sông, mương, hồ đô thị bị ô nhiễm. Đã thử nghiệm tại một đoạn sông Nhuệ và hồ trong nội thành.",
        "làm sạch sông hồ; đảo nổi; thực vật thủy sinh; sục khí; hồ đô thị",
        6,
        "none",
        "consulting",
    ),
    offer(
        "MT16",
        "207",
        "Công ty CP Nước sạch Nông thôn Việt",
        "Trạm cấp nước sạch nông thôn khử asen, sắt, mangan công suất nhỏ",
        "Trạm dạng container xử lý nước ngầm nhiễm asen, sắt và mangan bằng oxy hóa - lọc cát mangan - hấp phụ. "
        "Công suất 5-50 m3/giờ, vận hành tự động, nước đạt QCVN 01-1:2018/BYT.",
        "nước sạch nông thôn; khử asen; sắt mangan; nước ngầm; container",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "MT17",
        "207",
        HUS,
        "Vật liệu hấp phụ biến tính từ đá ong để loại bỏ asen trong nước giếng khoan hộ gia đình",
        "Vật liệu đá ong biến tính nhiệt được nạp vào bình lọc hộ gia đình, loại bỏ asen từ 300 xuống dưới 10 µg/l. "
        "Nguyên liệu sẵn có, rẻ, dễ thay thế.",
        "asen; đá ong; hấp phụ; bình lọc hộ gia đình; nước giếng khoan",
        7,
        "patent",
        "licence assignment",
    ),
    # --- solid waste ---
    offer(
        "MT18",
        "207",
        INEST,
        "Lò đốt chất thải rắn sinh hoạt quy mô xã công suất 300-500 kg/giờ có xử lý khí thải",
        "Lò đốt hai cấp nhiệt độ (850 °C và 1.100 °C), xử lý khí thải bằng tháp hấp thụ kiềm và than hoạt tính, đáp "
        "ứng QCVN 61-MT:2016/BTNMT. Phù hợp các xã chưa có khu xử lý tập trung.",
        "lò đốt rác; chất thải rắn sinh hoạt; quy mô xã; xử lý khí thải lò đốt",
        8,
        "utility_solution",
        "licence consulting",
    ),
    offer(
        "MT19",
        "207",
        VNUA_ENV,
        "Quy trình ủ phân compost từ rác hữu cơ hộ gia đình và phụ phẩm nông nghiệp",
        "Hướng dẫn phân loại rác tại nguồn, ủ rác hữu cơ trong thùng ủ hoặc đống ủ có đảo trộn với chế phẩm vi sinh. "
        "Sản phẩm dùng bón rau, cây ăn quả ngay tại địa phương, giảm 40-60% lượng rác phải chôn lấp.",
        "ủ compost; rác hữu cơ; phân loại rác tại nguồn; phụ phẩm nông nghiệp",
        9,
        "none",
        "training consulting",
    ),
    offer(
        "MT20",
        "207",
        "Công ty TNHH Tái chế Nhựa Phương Đông",
        "Dây chuyền tái chế nhựa phế thải PET, PP thành hạt nhựa tái sinh",
        "Dây chuyền nghiền, rửa nóng, tách tạp chất và tạo hạt, công suất 1 tấn/giờ. Hạt tái sinh dùng làm bao bì "
        "không tiếp xúc thực phẩm, ống nhựa, pallet.",
        "tái chế nhựa; hạt nhựa tái sinh; PET; PP; phế liệu",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "MT21",
        "205",
        "Viện Vật liệu xây dựng",
        "Sản xuất gạch không nung và vật liệu san lấp từ phế thải xây dựng",
        "Phế thải phá dỡ công trình được nghiền, sàng thành cốt liệu tái chế dùng làm gạch block không nung, móng "
        "đường giao thông nông thôn. Giảm chi phí bãi chứa phế thải cho các đô thị.",
        "phế thải xây dựng; cốt liệu tái chế; gạch không nung; san lấp",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "MT22",
        "207",
        "Công ty CP Công nghệ Môi trường An Sinh",
        "Thiết bị xử lý bùn thải bằng máy ép băng tải và sấy năng lượng mặt trời",
        "Giảm độ ẩm bùn từ trạm xử lý nước thải từ 98% xuống dưới 30% bằng máy ép băng tải và nhà sấy kính năng lượng "
        "mặt trời. Bùn khô dùng làm nhiên liệu đốt hoặc phối trộn phân bón.",
        "bùn thải; máy ép bùn; sấy bùn năng lượng mặt trời; trạm xử lý nước thải",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "MT23",
        "207",
        HUS,
        "Thu hồi kim loại quý từ rác thải điện tử bằng phương pháp thủy luyện",
        "Quy trình hòa tách chọn lọc thu hồi đồng, vàng và bạc từ bảng mạch điện tử thải. Mới thử nghiệm quy mô "
        "phòng thí nghiệm với mẻ 5 kg, hiệu suất thu hồi vàng 92%.",
        "rác thải điện tử; thu hồi kim loại; thủy luyện; bảng mạch",
        4,
        "patent_pending",
        "joint_venture",
    ),
    # --- air, odour, kilns ---
    offer(
        "MT24",
        "207",
        INEST,
        "Chuyển đổi lò nung gốm sứ thủ công sang lò gas và xử lý khí thải lò nung",
        "Thiết kế lò nung con thoi dùng gas thay lò than hộp, kèm tháp hấp thụ xử lý bụi, SO2 và HF. Tiết kiệm 20% "
        "nhiên liệu, sản phẩm đồng đều hơn. Đã áp dụng cho nhiều hộ sản xuất tại làng gốm Bát Tràng.",
        "lò nung gốm; lò gas; khí thải; bụi; làng gốm",
        9,
        "none",
        "consulting training",
    ),
    offer(
        "MT25",
        "207",
        "Công ty TNHH Thiết bị Lọc bụi Hà Nội",
        "Hệ thống lọc bụi túi vải và cyclon cho xưởng gỗ, xưởng cơ khí, nhà máy thức ăn chăn nuôi",
        "Thiết kế, chế tạo hệ thống hút và lọc bụi túi vải rũ bụi bằng khí nén, hiệu suất trên 99%. Kèm cyclon thu "
        "hồi mùn cưa, bụi cám làm nguyên liệu.",
        "lọc bụi túi vải; cyclon; xưởng gỗ; bụi cám; khí thải công nghiệp",
        9,
        "none",
        "licence consulting",
    ),
    offer(
        "MT26",
        "208",
        IMBT,
        "Chế phẩm vi sinh khử mùi hôi chuồng trại và điểm tập kết rác",
        "Tập hợp vi khuẩn Bacillus và nấm men phân giải nhanh hợp chất chứa lưu huỳnh và amoniac, giảm mùi hôi trong "
        "chuồng nuôi, hố phân và điểm tập kết rác sau 3-5 ngày phun. Dạng lỏng, bảo quản 6 tháng.",
        "khử mùi hôi; chế phẩm vi sinh; chuồng trại; điểm tập kết rác; Bacillus",
        8,
        "patent",
        "licence assignment",
    ),
    offer(
        "MT27",
        "208",
        IBT,
        "Tháp lọc sinh học (biofilter) xử lý khí thải có mùi từ nhà máy chế biến và trạm xử lý nước thải",
        "Khí có mùi (H2S, NH3, mercaptan) được dẫn qua lớp vật liệu xơ dừa - than bùn có vi sinh vật cố định. Chi "
        "phí vận hành thấp hơn tháp hấp thụ hóa chất, không sinh nước thải thứ cấp.",
        "biofilter; lọc sinh học khí thải; mùi hôi; H2S; NH3",
        6,
        "none",
        "consulting joint_venture",
    ),
    offer(
        "MT28",
        "202",
        "Trường Đại học Công nghệ, Đại học Quốc gia Hà Nội",
        "Trạm quan trắc chất lượng không khí giá rẻ dùng cảm biến bụi mịn PM2.5 và kết nối không dây",
        "Thiết bị đo PM2.5, PM10, CO, nhiệt độ, độ ẩm, gửi dữ liệu qua 4G/LoRa lên bản đồ trực tuyến. Giá bằng 1/10 "
        "trạm chuẩn, đã hiệu chỉnh với trạm của Sở Tài nguyên và Môi trường.",
        "quan trắc không khí; bụi mịn PM2.5; cảm biến giá rẻ; LoRa; bản đồ ô nhiễm",
        7,
        "other",
        "licence joint_venture",
    ),
    # --- environmental biotechnology ---
    offer(
        "MT29",
        "208",
        IMBT,
        "Chế phẩm sinh học xử lý nhanh rơm rạ trên đồng ruộng thành phân bón hữu cơ",
        "Chế phẩm chứa nấm Trichoderma và xạ khuẩn phân giải cellulose, phun trực tiếp lên rơm rạ sau thu hoạch. "
        "Rơm rạ mục sau 15-20 ngày, hạn chế đốt rơm gây khói bụi và trả lại dinh dưỡng cho đất.",
        "xử lý rơm rạ; phân giải cellulose; chế phẩm sinh học; chống đốt rơm",
        8,
        "none",
        "licence training",
    ),
    offer(
        "MT30",
        "208",
        IBT,
        "Chế phẩm vi sinh phân hủy dầu mỡ trong bể tách mỡ nhà hàng, bếp ăn tập thể",
        "Hỗn hợp vi khuẩn sinh lipase giúp phân hủy dầu mỡ bám trong đường ống và bể tách mỡ, giảm tắc nghẽn và mùi. "
        "Đóng gói dạng bột hòa tan, dùng định kỳ mỗi tuần.",
        "phân hủy dầu mỡ; bể tách mỡ; bếp ăn tập thể; lipase",
        8,
        "secret",
        "licence",
    ),
    offer(
        "MT31",
        "208",
        HUS,
        "Xử lý đất ô nhiễm dầu và thuốc bảo vệ thực vật tồn lưu bằng vi sinh vật bản địa",
        "Phân lập và nhân sinh khối các chủng vi khuẩn bản địa phân hủy hydrocacbon và hợp chất clo hữu cơ, kết hợp "
        "phương pháp ủ luống (biopile). Đã xử lý thử 50 m3 đất tại một điểm tồn lưu hóa chất.",
        "đất ô nhiễm; thuốc bảo vệ thực vật tồn lưu; xử lý sinh học; biopile",
        6,
        "none",
        "consulting joint_venture",
    ),
    offer(
        "MT32",
        "208",
        IMBT,
        "Chế phẩm vi sinh xử lý nước ao hồ cảnh quan, hạn chế tảo nở hoa",
        "Vi khuẩn quang hợp và Bacillus cạnh tranh dinh dưỡng với tảo lam, phân hủy bùn đáy. Dùng cho hồ điều hòa, "
        "hồ công viên, hồ trong khu đô thị.",
        "xử lý nước hồ; tảo nở hoa; vi khuẩn quang hợp; bùn đáy",
        7,
        "none",
        "licence consulting",
    ),
    offer(
        "MT33",
        "208",
        IET,
        "Bể phản ứng sinh học màng (MBR) dùng vi tảo để xử lý nước thải và thu sinh khối",
        "Nghiên cứu nuôi vi tảo Chlorella trên nước thải sinh hoạt để hấp thu nitơ, phốt pho, sinh khối tảo dùng làm "
        "phân bón hoặc nhiên liệu sinh học. Đang ở giai đoạn thử nghiệm trong phòng thí nghiệm.",
        "vi tảo; Chlorella; MBR; thu hồi dinh dưỡng; nước thải sinh hoạt",
        3,
        "none",
        "joint_venture",
    ),
    # --- earth sciences, GIS, hazards ---
    offer(
        "MT34",
        "105",
        IG,
        "Hệ thống cảnh báo sớm sạt lở đất và lũ quét cho vùng núi dựa trên quan trắc mưa tự động",
        "Mạng trạm đo mưa tự động kết hợp bản đồ phân vùng nguy cơ sạt lở, phát cảnh báo qua SMS và loa truyền thanh "
        "thôn bản khi lượng mưa vượt ngưỡng. Đã vận hành tại một số xã vùng núi phía Bắc.",
        "cảnh báo sạt lở; lũ quét; trạm đo mưa tự động; phân vùng nguy cơ",
        8,
        "none",
        "consulting training",
        "Lào Cai",
    ),
    offer(
        "MT35",
        "105",
        TLU,
        "Mô hình thủy lực cảnh báo ngập lụt đô thị theo thời gian thực",
        "Mô hình mô phỏng ngập cho lưu vực thoát nước đô thị, cập nhật theo mưa dự báo và mực nước sông, hiển thị "
        "các điểm ngập trên bản đồ web để điều hành bơm tiêu.",
        "ngập lụt đô thị; mô hình thủy lực; thoát nước; cảnh báo ngập",
        6,
        "other",
        "consulting",
    ),
    offer(
        "MT36",
        "105",
        VNSC,
        "Giám sát biến động sử dụng đất và lấn chiếm đất đai bằng ảnh vệ tinh",
        "Dịch vụ xử lý ảnh vệ tinh Sentinel-2 và VNREDSat-1 phát hiện thay đổi lớp phủ, công trình xây dựng mới, "
        "san lấp ao hồ. Báo cáo định kỳ hàng tháng cho chính quyền cấp xã.",
        "ảnh vệ tinh; viễn thám; biến động sử dụng đất; vi phạm đất đai",
        8,
        "none",
        "consulting",
    ),
    offer(
        "MT37",
        "105",
        HUMG,
        "Khảo sát nước ngầm và định vị giếng khoan bằng phương pháp địa vật lý điện",
        "Đo sâu điện và chụp ảnh điện đa cực xác định tầng chứa nước, giảm tỷ lệ khoan hỏng. Phục vụ cấp nước sinh "
        "hoạt vùng khan hiếm nước và trang trại.",
        "nước ngầm; địa vật lý; giếng khoan; thăm dò",
        9,
        "none",
        "consulting",
    ),
    offer(
        "MT38",
        "207",
        VNUA_ENV,
        "Xử lý bao gói thuốc bảo vệ thực vật sau sử dụng trên đồng ruộng",
        "Mô hình thu gom bể chứa bao gói thuốc bảo vệ thực vật đặt ven đồng, quy trình vận chuyển và tiêu hủy. Kèm tài "
        "liệu tập huấn cho nông dân và tổ vệ sinh môi trường thôn.",
        "bao gói thuốc bảo vệ thực vật; thu gom; chất thải nguy hại nông nghiệp",
        9,
        "none",
        "training",
    ),
    offer(
        "MT39",
        "207",
        "Công ty CP Công nghệ Xanh Thăng Long",
        "HỆ THỐNG XỬ LÝ NƯỚC THẢI MẠ ĐIỆN THU HỒI KIM LOẠI NẶNG",
        "Xử lý nước thải chứa crom, niken, kẽm của xưởng mạ bằng khử - kết tủa và trao đổi ion, thu hồi một phần kim "
        "loại. Phù hợp làng nghề cơ khí và cơ sở mạ vừa và nhỏ.",
        "nước thải mạ điện; kim loại nặng; crom; trao đổi ion; làng nghề cơ khí",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "MT40",
        "208",
        IBT,
        "Sản xuất than sinh học (biochar) từ vỏ trấu, lõi ngô để cải tạo đất và hấp phụ chất ô nhiễm",
        "Lò nhiệt phân yếm khí quy mô 200 kg/mẻ chuyển phụ phẩm nông nghiệp thành than sinh học. Biochar dùng cải tạo "
        "đất chua, làm giá thể và lớp lọc hấp phụ kim loại nặng.",
        "than sinh học; biochar; nhiệt phân; vỏ trấu; cải tạo đất",
        7,
        "none",
        "licence training",
    ),
]
