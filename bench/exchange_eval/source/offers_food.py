"""Offers: food and beverages, industrial biotechnology (211, 209)."""

from . import offer

SCLS = "Trường Hóa và Khoa học sự sống, Đại học Bách khoa Hà Nội"
FIRI = "Viện Công nghiệp thực phẩm"
VNUA_FOOD = "Khoa Công nghệ thực phẩm, Học viện Nông nghiệp Việt Nam"
IBT = "Viện Công nghệ sinh học, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
IMBT = "Viện Vi sinh vật và Công nghệ sinh học, Đại học Quốc gia Hà Nội"
IMBC = "Viện Hóa sinh biển, Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
NIN = "Viện Dinh dưỡng"

OFFERS = [
    # --- food processing (211) ---
    offer(
        "TP01",
        "211",
        SCLS,
        "Công nghệ sấy thăng hoa (sấy đông khô) rau quả, dược liệu và thực phẩm",
        "Thiết bị sấy thăng hoa 10-100 kg/mẻ chế tạo trong nước, giá bằng 40% thiết bị nhập khẩu. Sản phẩm giữ nguyên "
        "màu, mùi, vitamin, hoàn nguyên nhanh; phù hợp dâu tây, mít, sữa chua, yến sào.",
        "sấy thăng hoa; sấy đông khô; rau quả; bảo quản; thiết bị sấy",
        8,
        "utility_solution",
        "licence consulting",
    ),
    offer(
        "TP02",
        "211",
        FIRI,
        "Quy trình sản xuất nước ép và nước cốt quả đóng chai thanh trùng không chất bảo quản",
        "Ép, lọc, đồng hóa và thanh trùng nhiệt độ cao thời gian ngắn (HTST) cho nước ép bưởi, cam, dứa, chanh leo. Hạn "
        "dùng 9 tháng ở nhiệt độ thường, giữ hương vị tự nhiên.",
        "nước ép trái cây; thanh trùng; HTST; đồ uống; không chất bảo quản",
        8,
        "secret",
        "licence consulting",
    ),
    offer(
        "TP03",
        "211",
        VNUA_FOOD,
        "Sản xuất tỏi đen bằng lên men nhiệt ẩm có kiểm soát",
        "Tủ lên men tỏi đen điều khiển nhiệt độ, độ ẩm theo chương trình 20-25 ngày, tỏi dẻo, ngọt, không cháy. Tận "
        "dụng tỏi cô đơn và tỏi ta của vùng trồng tỏi.",
        "tỏi đen; lên men nhiệt ẩm; tủ lên men; sản phẩm OCOP",
        9,
        "none",
        "training licence",
    ),
    offer(
        "TP04",
        "211",
        FIRI,
        "Kéo dài thời hạn sử dụng bánh chưng, giò chả không dùng hàn the",
        "Quy trình vệ sinh, đóng gói hút chân không và thanh trùng bổ sung giúp bánh chưng bảo quản 10 ngày, giò lụa 30 "
        "ngày ở 4 °C mà không dùng hàn the hay chất bảo quản cấm.",
        "bánh chưng; giò chả; hàn the; thời hạn sử dụng; hút chân không",
        8,
        "none",
        "training consulting",
    ),
    offer(
        "TP05",
        "211",
        VNUA_FOOD,
        "Dây chuyền sản xuất bún, phở khô và bún tươi an toàn không chất tẩy trắng",
        "Quy trình lên men bột gạo có kiểm soát, tráng - hấp - sấy liên tục; thay chất tẩy trắng bằng xử lý nước và "
        "vệ sinh thiết bị. Phù hợp làng nghề bún, phở muốn làm sản phẩm đóng gói.",
        "bún khô; phở khô; bún tươi; làng nghề; không chất tẩy trắng",
        8,
        "none",
        "training licence",
    ),
    offer(
        "TP06",
        "211",
        SCLS,
        "Sản xuất nước mắm và nước tương giảm hàm lượng 3-MCPD và histamin",
        "Kiểm soát nguyên liệu, chủng vi sinh lên men và nhiệt độ thủy phân để giảm histamin trong nước mắm và 3-MCPD "
        "trong nước tương xuống dưới giới hạn quy định.",
        "nước mắm; nước tương; 3-MCPD; histamin; an toàn thực phẩm",
        7,
        "none",
        "consulting training",
    ),
    offer(
        "TP07",
        "211",
        FIRI,
        "Chế biến chè xanh, chè ô long và trà túi lọc chất lượng cao",
        "Dây chuyền diệt men, vò, sấy, phân loại; quy trình làm chè ô long từ giống chè Kim Tuyên và đóng trà túi lọc. "
        "Nâng giá trị chè búp tươi của hợp tác xã.",
        "chế biến chè; chè xanh; ô long; trà túi lọc",
        9,
        "none",
        "licence training",
    ),
    offer(
        "TP08",
        "211",
        VNUA_FOOD,
        "Quy trình sản xuất rượu vang và rượu trái cây từ vải, mận, dâu tằm",
        "Lên men bằng nấm men chọn lọc, lắng trong và ổn định, hàm lượng methanol và aldehyde đạt quy chuẩn. Giải pháp "
        "tiêu thụ quả chín rộ.",
        "rượu vang; rượu trái cây; lên men; nấm men; vải; mận",
        8,
        "none",
        "licence training",
    ),
    offer(
        "TP09",
        "211",
        FIRI,
        "Xử lý giảm methanol trong rượu trắng thủ công và tiêu chuẩn hóa rượu làng nghề",
        "Thiết bị chưng cất có cột hồi lưu và quy trình tách đầu, tách đuôi giúp rượu gạo truyền thống đạt QCVN "
        "6-3:2010/BYT. Kèm hướng dẫn công bố sản phẩm.",
        "rượu trắng; rượu gạo; methanol; chưng cất; làng nghề rượu",
        9,
        "none",
        "licence training",
    ),
    offer(
        "TP10",
        "211",
        SCLS,
        "Sữa chua uống và sữa hạt (đậu nành, óc chó, mắc ca) đóng chai tiệt trùng",
        "Quy trình nghiền ướt, đồng hóa áp suất cao, tiệt trùng UHT cho sữa hạt; sữa chua uống bổ sung men sống. Cho "
        "doanh nghiệp nhỏ và hợp tác xã có vùng nguyên liệu.",
        "sữa hạt; sữa đậu nành; sữa chua uống; tiệt trùng UHT; đồ uống",
        8,
        "none",
        "licence consulting",
    ),
    offer(
        "TP11",
        "211",
        VNUA_FOOD,
        "Hoa quả sấy dẻo ít đường từ xoài, mít, chuối",
        "Ngâm thẩm thấu bằng đường ăn kiêng, sấy bơm nhiệt hai giai đoạn, sản phẩm dẻo, giữ màu tự nhiên, độ ẩm 18-20%. "
        "Đóng gói túi zip có gói hút ẩm.",
        "hoa quả sấy dẻo; ít đường; xoài sấy; mít sấy; sấy bơm nhiệt",
        9,
        "none",
        "training licence",
    ),
    offer(
        "TP12",
        "211",
        FIRI,
        "Xử lý tiệt trùng thực phẩm bằng chiếu xạ và áp suất cao (HPP)",
        "Dịch vụ xử lý áp suất cao 600 MPa cho nước ép, thịt nguội, hải sản để diệt vi sinh vật mà không gia nhiệt. "
        "Đang lắp đặt thiết bị thử nghiệm, nhận đặt hàng mẫu.",
        "áp suất cao; HPP; tiệt trùng lạnh; an toàn thực phẩm",
        6,
        "none",
        "consulting joint_venture",
    ),
    offer(
        "TP13",
        "211",
        NIN,
        "Bột dinh dưỡng ăn dặm cho trẻ từ gạo, đậu xanh và rau củ bổ sung vi chất",
        "Công thức bột ăn liền sản xuất bằng ép đùn, bổ sung sắt, kẽm, vitamin A theo khuyến nghị, phù hợp trẻ 6-24 "
        "tháng. Sản phẩm đã đánh giá hiệu quả cải thiện thiếu máu ở trẻ vùng nông thôn.",
        "bột ăn dặm; dinh dưỡng trẻ em; vi chất; ép đùn; thiếu máu",
        8,
        "none",
        "licence",
    ),
    offer(
        "TP14",
        "211",
        "Công ty CP Thực phẩm Sạch Hà Nội",
        "Quy trình giết mổ và chế biến thịt lợn mát (chilled meat) có truy xuất nguồn gốc",
        "Giết mổ treo, làm mát nhanh thân thịt 0-4 °C, pha lóc và đóng khay hút chân không trong phòng sạch, hạn dùng 7 "
        "ngày. Mã QR trên khay gắn với trang trại nuôi.",
        "thịt mát; giết mổ treo; pha lóc; chuỗi lạnh; truy xuất nguồn gốc",
        9,
        "secret",
        "licence consulting",
    ),
    offer(
        "TP15",
        "211",
        SCLS,
        "Chiết xuất và tinh chế mật ong, phấn hoa; kiểm soát độ ẩm mật ong",
        "Thiết bị cô đặc chân không ở nhiệt độ thấp giảm độ ẩm mật ong xuống dưới 19% chống lên men, giữ enzyme. Quy "
        "trình lọc và đóng chai đạt tiêu chuẩn xuất khẩu.",
        "mật ong; cô đặc chân không; giảm độ ẩm mật ong; phấn hoa",
        9,
        "none",
        "licence",
    ),
    offer(
        "TP16",
        "211",
        VNUA_FOOD,
        "Sản xuất nem chua, giò thủ và các sản phẩm thịt lên men an toàn",
        "Dùng chủng vi khuẩn lactic khởi động thay cho lên men tự nhiên, kiểm soát pH và vi sinh vật gây bệnh, giảm "
        "nitrit. Đạt yêu cầu để cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
        "nem chua; thịt lên men; vi khuẩn lactic; an toàn thực phẩm",
        8,
        "none",
        "training",
    ),
    offer(
        "TP17",
        "211",
        FIRI,
        "Sản xuất tinh bột nghệ và curcumin thô từ củ nghệ vàng",
        "Quy trình nghiền, lọc, lắng, tách tinh dầu và sấy tạo tinh bột nghệ không hăng; chiết curcumin thô bằng ethanol "
        "quy mô xưởng.",
        "tinh bột nghệ; curcumin; nghệ vàng; chiết xuất",
        8,
        "none",
        "licence training",
    ),
    offer(
        "TP18",
        "211",
        VNUA_FOOD,
        "Chế biến gạo mầm (gạo nảy mầm GABA) và bánh gạo lứt",
        "Ngâm ủ gạo lứt nảy mầm trong điều kiện kiểm soát để tăng GABA, sấy và đóng gói; chế biến bánh gạo lứt ăn kiêng "
        "bằng máy nổ bỏng.",
        "gạo mầm; GABA; gạo lứt; bánh gạo",
        8,
        "none",
        "licence training",
    ),
    offer(
        "TP19",
        "211",
        "Công ty TNHH Thiết bị Thực phẩm Á Châu",
        "Máy đóng gói chân không và máy hàn miệng túi tự động cho cơ sở chế biến nhỏ",
        "Dòng máy đóng gói hút chân không buồng đôi, máy co màng và máy in hạn sử dụng, giá phù hợp hộ kinh doanh. Bảo "
        "hành, bảo trì tại Hà Nội.",
        "máy đóng gói chân không; bao bì; cơ sở chế biến nhỏ; máy hàn túi",
        9,
        "none",
        "licence",
    ),
    offer(
        "TP20",
        "211",
        FIRI,
        "Lên men cà phê và ca cao có kiểm soát để nâng cao chất lượng hương vị",
        "Lên men hạt với chủng nấm men, vi khuẩn chọn lọc trong thùng kín, rút ngắn thời gian và đồng đều chất lượng; "
        "tăng điểm cảm quan cà phê đặc sản.",
        "lên men cà phê; ca cao; nấm men; cà phê đặc sản",
        7,
        "none",
        "licence consulting",
        "Đắk Lắk",
    ),
    # --- industrial biotechnology (209) ---
    offer(
        "SH01",
        "209",
        IBT,
        "Sản xuất enzyme cellulase và xylanase bằng lên men chìm cho thức ăn chăn nuôi và công nghiệp giấy",
        "Chủng nấm sợi biến đổi cho hoạt tính enzyme cao, quy trình lên men chìm 1.000 lít và tinh sạch sơ bộ. Bổ sung "
        "vào thức ăn chăn nuôi tăng tiêu hóa xơ.",
        "enzyme; cellulase; xylanase; lên men chìm; phụ gia thức ăn",
        7,
        "patent",
        "licence joint_venture",
    ),
    offer(
        "SH02",
        "209",
        IMBC,
        "Chiết xuất collagen và gelatin từ da, vảy cá",
        "Thủy phân bằng enzyme thu collagen peptide phân tử nhỏ từ da cá tra, cá rô phi; dùng cho thực phẩm chức năng và "
        "mỹ phẩm. Tận dụng phụ phẩm chế biến thủy sản.",
        "collagen; gelatin; da cá; vảy cá; phụ phẩm thủy sản; thủy phân enzyme",
        7,
        "patent_pending",
        "licence joint_venture",
    ),
    offer(
        "SH03",
        "209",
        IMBC,
        "Sản xuất chitin, chitosan và glucosamin từ vỏ tôm, vỏ cua",
        "Khử khoáng, khử protein bằng enzyme thay kiềm mạnh, giảm ô nhiễm; chitosan có độ deacetyl hóa trên 85% dùng "
        "trong nông nghiệp, thực phẩm và dược phẩm.",
        "chitin; chitosan; glucosamin; vỏ tôm; phụ phẩm thủy sản",
        8,
        "patent",
        "licence",
    ),
    offer(
        "SH04",
        "209",
        IMBT,
        "Lên men sản xuất chế phẩm probiotic dạng bột đông khô cho người và vật nuôi",
        "Quy trình lên men mật độ cao Lactobacillus, Bifidobacterium và Bacillus, đông khô với chất bảo vệ, mật độ "
        "10^10 CFU/g, bảo quản 18 tháng.",
        "probiotic; lợi khuẩn; đông khô; Lactobacillus; men vi sinh",
        8,
        "secret",
        "licence",
    ),
    offer(
        "SH05",
        "209",
        SCLS,
        "Sản xuất cồn sinh học (bioethanol) từ sắn lát và rỉ đường",
        "Đường hóa và lên men đồng thời bằng chủng nấm men chịu nhiệt, tiết kiệm năng lượng. Quy mô pilot 1.000 lít/ngày.",
        "cồn sinh học; bioethanol; sắn lát; rỉ đường; nhiên liệu sinh học",
        6,
        "none",
        "joint_venture consulting",
    ),
    offer(
        "SH06",
        "209",
        IBT,
        "Nuôi vi tảo Spirulina làm thực phẩm và thức ăn thủy sản",
        "Hệ nuôi tảo Spirulina trong bể raceway và ống kín, thu hoạch, sấy phun. Sản phẩm giàu đạm và phycocyanin.",
        "Spirulina; vi tảo; tảo xoắn; phycocyanin; thực phẩm bổ sung",
        8,
        "none",
        "licence training",
    ),
    offer(
        "SH07",
        "209",
        IMBT,
        "Sản xuất men giống (nấm men, nấm mốc) cho làm tương, làm rượu và lên men thực phẩm truyền thống",
        "Men thuần chủng Aspergillus oryzae cho tương Bần, men rượu Saccharomyces thay bánh men thuốc bắc tự làm, giúp "
        "chất lượng ổn định giữa các mẻ.",
        "men giống; Aspergillus oryzae; tương; bánh men; thuần chủng",
        8,
        "none",
        "licence training",
    ),
    offer(
        "SH08",
        "209",
        IBT,
        "Sản xuất nhựa sinh học PHA bằng vi khuẩn từ dầu ăn thải",
        "Vi khuẩn tích lũy polyhydroxyalkanoate khi nuôi trên dầu chiên thải. Đã lên men bình 30 lít, đang tìm đối tác "
        "nâng quy mô.",
        "nhựa sinh học; PHA; dầu ăn thải; polyme phân hủy sinh học",
        4,
        "patent_pending",
        "joint_venture",
    ),
]
