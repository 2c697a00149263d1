package shop.choreography.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import shop.choreography.Fixtures;
import shop.template.SamTemplate;

class SvgMapTest {

    private static final ChoreographyMap MAP =
            ChoreographyMap.from(SamTemplate.load(Fixtures.path("templates/map-one-subscriber.yaml")));

    @Test
    void isWellFormedSvgWithOneGroupPerBox() throws Exception {
        Document svg = parse(SvgMap.render(MAP, "a caption with <angle brackets> & ampersands"));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList groups = svg.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(MAP.nodes().size());
        for (int i = 0; i < groups.getLength(); i++) {
            assertThat(((Element) groups.item(i)).getAttribute("id"))
                    .isEqualTo(MAP.nodes().get(i).id());
        }
    }

    @Test
    void drawsOneArrowPerEdgeAndDashesTheWayToDeadLetters() throws Exception {
        Document svg = parse(SvgMap.render(MAP, "caption"));

        NodeList paths = svg.getElementsByTagName("path");
        long arrows = 0;
        long dashed = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.hasAttribute("marker-end")) {
                arrows++;
                dashed += path.hasAttribute("stroke-dasharray") ? 1 : 0;
            }
        }
        assertThat(arrows).isEqualTo(MAP.edges().size());
        assertThat(dashed)
                .isEqualTo(MAP.edges().stream().filter(MapEdge::dashed).count());
    }

    @Test
    void theSameMapIsDrawnTheSameEveryTime() {
        assertThat(SvgMap.render(MAP, "caption")).isEqualTo(SvgMap.render(MAP, "caption"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
