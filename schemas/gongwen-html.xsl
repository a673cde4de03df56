<?xml version="1.0" encoding="UTF-8"?>
<!--
  gongwen archive XML (urn:gongwen:archive:1.0) → one standalone HTML page
  in the look of GB/T 9704-2012 《党政机关公文格式》.

  Every text node of the archive's reading flow is copied, in document order;
  `source`, `page` (what a site printed about the document) and `residue` are not shown. Text the page adds (the colon after a
  glossary term, TOC page numbers, back-links) is CSS generated content, so
  the DOM's text is exactly the archive's. Elements this stylesheet does not
  know still show their text (the fallback templates at the end).

  Runs with any XSLT 1.0 processor: `xsltproc gongwen-html.xsl archive.xml`,
  or gongwen's `render` (lxml).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:g="urn:gongwen:archive:1.0"
                exclude-result-prefixes="g">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- The archive is pretty-printed: whitespace between elements means nothing, except
       inside running text (mixed content), where a space is printed text. -->
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="g:p g:b g:item g:cell g:merged g:definition g:attachmentNote g:cc g:author
                                g:member g:responsible g:appointment g:event g:noteRef"/>

  <!-- The generator named in <meta name="generator">. -->
  <xsl:param name="generator" select="'gongwen'"/>

  <!-- ===== the page ===== -->

  <xsl:template match="/g:archive">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{$generator}"/>
        <meta name="gongwen-source" content="{g:source/@name}"/>
        <meta name="gongwen-source-sha256" content="{g:source/@sha256}"/>
        <title><xsl:call-template name="page-title"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <main class="gongwen">
          <xsl:apply-templates select="*[not(self::g:source or self::g:page or self::g:residue)]"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="g:bulletin/g:masthead/g:title">
        <xsl:value-of select="normalize-space(g:bulletin/g:masthead/g:title)"/>
        <xsl:if test="g:bulletin/g:masthead/g:issue">
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space(g:bulletin/g:masthead/g:issue[1])"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="g:document/g:title">
        <xsl:value-of select="normalize-space(g:document[g:title][1]/g:title)"/>
      </xsl:when>
      <xsl:when test="g:document//g:title">
        <xsl:value-of select="normalize-space((g:document//g:title)[1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="g:source/@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Heading ranks. A document's title is h1 on its own page; a bulletin's
    masthead is h1, its columns and record sections h2, their documents h3.
    An attachment adds one rank, a section adds its @level (the printed
    numbering, never the input's markdown). Past h6, a p with role=heading.
  -->
  <xsl:template name="base-rank">
    <xsl:param name="node" select="."/>
    <xsl:value-of select="1 + count($node/ancestor::g:bulletin)
                          + count($node/ancestor::g:part | $node/ancestor::g:briefs
                                  | $node/ancestor::g:appointments | $node/ancestor::g:chronicle)
                          + count($node/ancestor::g:attachment)"/>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="rank"/>
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$rank &lt;= 6">
        <xsl:element name="h{$rank}">
          <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
          <xsl:call-template name="line"/>
          <xsl:copy-of select="$content"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p role="heading" aria-level="{$rank}" class="{$class}">
          <xsl:call-template name="line"/>
          <xsl:copy-of select="$content"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- @line becomes data-line: every block leads back to its input line -->
  <xsl:template name="line">
    <xsl:if test="@line"><xsl:attribute name="data-line"><xsl:value-of select="@line"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- ===== a document (公文) ===== -->

  <xsl:template match="g:document">
    <article class="document form-{@form}" id="{@id}">
      <xsl:call-template name="line"/>
      <xsl:if test="@date"><xsl:attribute name="data-date"><xsl:value-of select="@date"/></xsl:attribute></xsl:if>
      <xsl:if test="g:issuerMark or g:docNumber">
        <!-- 版头: 发文机关标志 and 发文字号 above the red rule -->
        <header class="banner">
          <xsl:if test="g:issuerMark"><xsl:attribute name="class">banner with-mark</xsl:attribute></xsl:if>
          <xsl:apply-templates select="g:issuerMark | g:docNumber[not(preceding-sibling::g:title)]"/>
        </header>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::g:issuerMark)][not(self::g:docNumber[not(preceding-sibling::g:title)])]"/>
    </article>
  </xsl:template>

  <xsl:template match="g:issuerMark">
    <p class="issuer-mark"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:docNumber">
    <p class="doc-number"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:document/g:title">
    <xsl:call-template name="heading">
      <xsl:with-param name="rank"><xsl:call-template name="base-rank"/></xsl:with-param>
      <xsl:with-param name="class">title</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:delivered">
    <p class="delivered"><xsl:call-template name="line"/>
      <xsl:if test="@date"><xsl:attribute name="data-date"><xsl:value-of select="@date"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:author">
    <p class="author"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:author/g:name | g:member/g:name">
    <span class="name"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="g:recipients">
    <p class="recipients"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:body">
    <div class="body"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="g:salutation">
    <p class="salutation"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:attachmentNote">
    <p class="attachment-note"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- 署名 and 成文日期, right-aligned -->
  <xsl:template match="g:signature">
    <div class="signature"><xsl:call-template name="line"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="g:signer">
    <p class="signer"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:signature/g:date | g:printer/g:date | g:dateline/g:date">
    <p class="date"><xsl:call-template name="line"/><time datetime="{@value}"><xsl:apply-templates/></time></p>
  </xsl:template>

  <xsl:template match="g:remark">
    <p class="remark"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:transmitted">
    <div class="transmitted"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- 版记: 抄送 and 印发 between rules; they stand together at a document's end -->
  <xsl:template match="g:cc">
    <footer class="imprint-lines">
      <p class="cc"><xsl:call-template name="line"/><xsl:apply-templates/></p>
      <xsl:apply-templates select="following-sibling::*[1][self::g:printer]" mode="imprint-lines"/>
    </footer>
  </xsl:template>

  <xsl:template match="g:printer">
    <xsl:if test="not(preceding-sibling::*[1][self::g:cc])">
      <footer class="imprint-lines"><xsl:apply-templates select="." mode="imprint-lines"/></footer>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:printer" mode="imprint-lines">
    <div class="printer"><xsl:call-template name="line"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- ===== the body ===== -->

  <xsl:template match="g:section">
    <section class="section level-{@level}">
      <xsl:call-template name="line"/>
      <xsl:variable name="first" select="*[not(self::g:num or self::g:heading)][1]"/>
      <xsl:variable name="head" select="g:heading"/>
      <!-- run-in: a heading printed on the line its paragraph starts (（一）强化宣传引导。通过…),
           or a numeral with no heading of its own (第一条 为…) -->
      <xsl:variable name="run-in"
                    select="$first[self::g:p] and (not($head) or $head/@line = $first/@line)"/>
      <xsl:if test="g:num or g:heading">
        <xsl:call-template name="heading">
          <xsl:with-param name="rank">
            <xsl:variable name="base"><xsl:call-template name="base-rank"/></xsl:variable>
            <xsl:value-of select="$base + @level"/>
          </xsl:with-param>
          <xsl:with-param name="class">
            <xsl:text>section-heading</xsl:text>
            <xsl:if test="$run-in"> run-in</xsl:if>
          </xsl:with-param>
          <xsl:with-param name="content">
            <xsl:apply-templates select="g:num | g:heading"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::g:num or self::g:heading)]"/>
    </section>
  </xsl:template>

  <xsl:template match="g:section/g:num">
    <span class="num"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="g:section/g:heading">
    <span class="heading-text"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- an unnumbered heading in a body -->
  <xsl:template match="g:body/g:heading">
    <xsl:call-template name="heading">
      <xsl:with-param name="rank">
        <xsl:variable name="base"><xsl:call-template name="base-rank"/></xsl:variable>
        <xsl:value-of select="$base + 1"/>
      </xsl:with-param>
      <xsl:with-param name="class">heading</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:p">
    <p><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:b">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <!-- a footnote marker: a link to its glossary entry, with an id the entry links back to -->
  <xsl:template match="g:noteRef">
    <xsl:variable name="n" select="count(preceding::g:noteRef[@target = current()/@target]) + 1"/>
    <a class="note-ref" role="doc-noteref" href="#{@target}" id="{@target}-ref{$n}"><sup><xsl:apply-templates/></sup></a>
  </xsl:template>

  <xsl:template match="g:list">
    <ol class="list"><xsl:apply-templates/></ol>
  </xsl:template>

  <xsl:template match="g:list/g:item">
    <li class="item"><xsl:call-template name="line"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="g:item/g:num">
    <span class="num"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="g:responsible">
    <p class="responsible"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:unit">
    <span class="unit"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="g:member">
    <p class="member" data-role="{@role}"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:member/g:post">
    <span class="post"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== tables ===== -->

  <xsl:template match="g:table">
    <xsl:variable name="widest" select="(g:row[@kind = 'header'] | g:row[@kind = 'data'])[1]"/>
    <xsl:variable name="columns"
                  select="count($widest/g:cell) + sum($widest/g:cell/@colspan) - count($widest/g:cell/@colspan)"/>
    <xsl:variable name="spans" select="boolean(g:row/g:cell[@rowspan or @colspan])"/>
    <div class="table-wrap">
      <table>
        <xsl:call-template name="line"/>
        <xsl:apply-templates select="g:title"/>
        <!-- the header rows printed first form the thead; every other row keeps its place -->
        <xsl:variable name="lead" select="g:row[@kind = 'header'][not(preceding-sibling::g:row[@kind != 'header'])]"/>
        <xsl:if test="$lead">
          <thead>
            <xsl:apply-templates select="$lead">
              <xsl:with-param name="columns" select="$columns"/>
              <xsl:with-param name="spans" select="$spans"/>
            </xsl:apply-templates>
          </thead>
        </xsl:if>
        <xsl:if test="g:row[count(. | $lead) != count($lead)]">
          <tbody>
            <xsl:apply-templates select="g:row[count(. | $lead) != count($lead)]">
              <xsl:with-param name="columns" select="$columns"/>
              <xsl:with-param name="spans" select="$spans"/>
            </xsl:apply-templates>
          </tbody>
        </xsl:if>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="g:table/g:title">
    <caption><xsl:call-template name="line"/><xsl:apply-templates/></caption>
  </xsl:template>

  <xsl:template match="g:row">
    <xsl:param name="columns"/>
    <xsl:param name="spans"/>
    <tr class="{@kind}">
      <xsl:call-template name="line"/>
      <xsl:choose>
        <!-- a caption row or the notes under a table: one cell across the table -->
        <xsl:when test="(@kind = 'group' or @kind = 'note') and count(g:cell) = 1 and $columns &gt; 1">
          <xsl:apply-templates select="g:cell">
            <xsl:with-param name="colspan" select="$columns"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="g:cell">
            <xsl:with-param name="spans" select="$spans"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <xsl:template match="g:cell">
    <xsl:param name="colspan"/>
    <xsl:param name="spans" select="false()"/>
    <xsl:variable name="covered">
      <xsl:if test="$spans and not(node())">
        <xsl:call-template name="covered"/>
      </xsl:if>
    </xsl:variable>
    <!-- a cell that a rowspan or colspan covers stays in the archive, empty; HTML leaves it out -->
    <xsl:if test="$covered != 'yes'">
      <xsl:variable name="name">
        <xsl:choose>
          <xsl:when test="../@kind = 'header' or ../@kind = 'group'">th</xsl:when>
          <xsl:otherwise>td</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:element name="{$name}">
        <xsl:if test="../@kind = 'header'"><xsl:attribute name="scope">col</xsl:attribute></xsl:if>
        <xsl:if test="../@kind = 'group'"><xsl:attribute name="scope">colgroup</xsl:attribute></xsl:if>
        <xsl:if test="@rowspan"><xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="string($colspan) != ''"><xsl:attribute name="colspan"><xsl:value-of select="$colspan"/></xsl:attribute></xsl:when>
          <xsl:when test="@colspan"><xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:when>
        </xsl:choose>
        <xsl:apply-templates/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- 'yes' when an earlier cell's rowspan (in a row above) or colspan (in this row) covers this one -->
  <xsl:template name="covered">
    <xsl:variable name="column" select="count(preceding-sibling::g:cell) + 1"/>
    <xsl:variable name="row" select="count(../preceding-sibling::g:row)"/>
    <xsl:variable name="from-above"
                  select="../preceding-sibling::g:row/g:cell[@rowspan]
                            [count(../preceding-sibling::g:row) + @rowspan &gt; $row]
                            [count(preceding-sibling::g:cell) + 1 &lt;= $column]
                            [count(preceding-sibling::g:cell) + 1 + (sum(@colspan) - count(@colspan) + 1) &gt; $column]"/>
    <xsl:variable name="from-left"
                  select="preceding-sibling::g:cell[@colspan]
                            [count(preceding-sibling::g:cell) + @colspan &gt;= $column]"/>
    <xsl:if test="$from-above or $from-left">yes</xsl:if>
  </xsl:template>

  <xsl:template match="g:cell/g:item">
    <span class="item"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- text printed on the line below the row, merged into this cell -->
  <xsl:template match="g:merged">
    <span class="merged"><xsl:call-template name="line"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== attachments and glossary ===== -->

  <xsl:template match="g:attachments">
    <div class="attachments"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="g:attachment">
    <section class="attachment">
      <xsl:call-template name="line"/>
      <xsl:if test="@num"><xsl:attribute name="data-num"><xsl:value-of select="@num"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="g:attachment/g:label">
    <p class="label"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:attachment/g:title">
    <xsl:call-template name="heading">
      <xsl:with-param name="rank"><xsl:call-template name="base-rank"/></xsl:with-param>
      <xsl:with-param name="class">title</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:glossary">
    <section class="glossary" role="doc-endnotes">
      <xsl:call-template name="line"/>
      <xsl:apply-templates select="g:title | g:p"/>
      <ol class="entries">
        <xsl:apply-templates select="g:entry"/>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="g:glossary/g:title">
    <xsl:call-template name="heading">
      <xsl:with-param name="rank">
        <xsl:variable name="base"><xsl:call-template name="base-rank"/></xsl:variable>
        <xsl:value-of select="$base + 1"/>
      </xsl:with-param>
      <xsl:with-param name="class">glossary-title</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="g:entry">
    <li class="entry" role="doc-endnote" id="{@id}" value="{@n}">
      <xsl:call-template name="line"/>
      <xsl:apply-templates/>
      <xsl:if test="//g:noteRef[@target = current()/@id]">
        <a class="back" role="doc-backlink" href="#{@id}-ref1" aria-label="返回正文"></a>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="g:entry/g:num">
    <span class="num"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="g:term">
    <dfn class="term"><xsl:apply-templates/></dfn>
  </xsl:template>

  <xsl:template match="g:definition">
    <span class="definition"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== a bulletin issue (政府公报) ===== -->

  <xsl:template match="g:bulletin">
    <div class="bulletin"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="g:about">
    <section class="about"><xsl:call-template name="line"/><xsl:apply-templates/></section>
  </xsl:template>

  <xsl:template match="g:about/g:title | g:toc/g:title | g:briefs/g:title | g:appointments/g:title | g:chronicle/g:title">
    <h2 class="title"><xsl:call-template name="line"/><xsl:apply-templates/></h2>
  </xsl:template>

  <xsl:template match="g:masthead">
    <header class="masthead"><xsl:call-template name="line"/><xsl:apply-templates/></header>
  </xsl:template>

  <xsl:template match="g:masthead/g:title">
    <h1 class="title"><xsl:call-template name="line"/><xsl:apply-templates/></h1>
  </xsl:template>

  <xsl:template match="g:masthead/g:issue">
    <p class="issue"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- 目录: each entry links to the document it lists; its page number is generated content -->
  <xsl:template match="g:toc">
    <nav class="toc"><xsl:call-template name="line"/>
      <xsl:apply-templates select="g:title"/>
      <ol class="toc-entries"><xsl:apply-templates select="g:part | g:tocEntry"/></ol>
    </nav>
  </xsl:template>

  <xsl:template match="g:toc/g:part">
    <li class="toc-part"><xsl:call-template name="line"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="g:tocEntry">
    <li class="toc-entry"><xsl:call-template name="line"/>
      <xsl:if test="@page"><xsl:attribute name="data-page"><xsl:value-of select="@page"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="@target"><a href="#{@target}"><xsl:apply-templates/></a></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <xsl:template match="g:cover">
    <section class="cover"><xsl:call-template name="line"/><xsl:apply-templates/></section>
  </xsl:template>

  <xsl:template match="g:imprint">
    <section class="imprint"><xsl:call-template name="line"/><xsl:apply-templates/></section>
  </xsl:template>

  <xsl:template match="g:fact">
    <p class="fact" data-name="{@name}"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:masthead/g:p | g:cover/g:p | g:imprint/g:p | g:about/g:p">
    <p><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- a column (区级文件选登); without a printed label its name is only an aria-label -->
  <xsl:template match="g:bulletin/g:part">
    <section class="part">
      <xsl:call-template name="line"/>
      <xsl:if test="not(g:label)"><xsl:attribute name="aria-label"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="g:part/g:label">
    <h2 class="part-label"><xsl:call-template name="line"/><xsl:apply-templates/></h2>
  </xsl:template>

  <xsl:template match="g:briefs | g:appointments | g:chronicle">
    <section class="records {local-name()}">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="line"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="g:chronicle/g:heading">
    <h3 class="heading"><xsl:call-template name="line"/><xsl:apply-templates/></h3>
  </xsl:template>

  <xsl:template match="g:appointment | g:event">
    <p class="{local-name()}"><xsl:call-template name="line"/>
      <xsl:if test="@date"><xsl:attribute name="data-date"><xsl:value-of select="@date"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/></p>
  </xsl:template>

  <!-- ===== a scraped page's catalogue record and byline ===== -->

  <!-- ===== what forms add (issue 10): citations, amendments, 题注, attendance, datelines ===== -->

  <!-- a reply's sentence citing the request it answers: running text, the cited title and 文号 inline -->
  <xsl:template match="g:answers">
    <p class="answers"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:answers/g:title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="g:answers/g:docNumber">
    <span class="cited-number"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- an item of a 修改决定: its numeral run into its first paragraph, as printed -->
  <xsl:template match="g:amendment">
    <div class="amendment"><xsl:call-template name="line"/>
      <xsl:choose>
        <xsl:when test="*[not(self::g:num)][1][self::g:p]">
          <xsl:for-each select="*[not(self::g:num)][1]">
            <p><xsl:call-template name="line"/><span class="num"><xsl:apply-templates select="../g:num/node()"/></span><xsl:apply-templates/></p>
          </xsl:for-each>
          <xsl:apply-templates select="*[not(self::g:num)][position() &gt; 1]"/>
        </xsl:when>
        <xsl:otherwise>
          <p><span class="num"><xsl:apply-templates select="g:num/node()"/></span></p>
          <xsl:apply-templates select="*[not(self::g:num)]"/>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- a 题注 under the title: （2024年1月10日…会议通过） -->
  <xsl:template match="g:adopted">
    <p class="adopted"><xsl:call-template name="line"/>
      <xsl:if test="@date"><xsl:attribute name="data-date"><xsl:value-of select="@date"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/></p>
  </xsl:template>

  <!-- 出席 / 列席 lines of a 纪要 -->
  <xsl:template match="g:attendance">
    <p class="attendance"><xsl:call-template name="line"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- 时间 / 地点 lines of a 纪要 -->
  <xsl:template match="g:meetingFact">
    <p class="meeting"><xsl:call-template name="line"/>
      <xsl:if test="@value"><xsl:attribute name="data-date"><xsl:value-of select="@value"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="g:attendee">
    <span class="attendee"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- the organ and date a 公报 or 纪要 prints under its title -->
  <xsl:template match="g:dateline">
    <div class="dateline"><xsl:call-template name="line"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- ===== elements this stylesheet does not know: their text is never dropped ===== -->

  <xsl:template match="*[*]" priority="-2">
    <div class="x-{local-name()}"><xsl:call-template name="line"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="*" priority="-3">
    <span class="x-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== the GB/T 9704 look ===== -->

  <xsl:variable name="css">
:root {
  /* GB/T 9704 names 小标宋, 黑体, 楷体, 仿宋; each falls back to the CJK faces a system has */
  --xiaobiaosong: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  --heiti: "SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  --kaiti: "KaiTi", "KaiTi_GB2312", "楷体", "楷体_GB2312", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", serif;
  --fangsong: "FangSong", "FangSong_GB2312", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --red: #d00;
}
html { background: #eee; }
body { margin: 0; color: #000; font-family: var(--fangsong); font-size: 16pt; line-height: 1.75; }
main.gongwen { background: #fff; max-width: 156mm; margin: 2em auto; padding: 25mm 26mm 25mm 28mm; box-shadow: 0 0 6px #aaa; }
p { margin: 0; text-indent: 2em; }
a { color: inherit; }
.document { margin-bottom: 3em; }
.document + .document, .transmitted .document { border-top: 1px dashed #bbb; padding-top: 2em; }

/* 版头 */
.banner { text-align: center; margin-bottom: 1.5em; }
.banner.with-mark { border-bottom: 2px solid var(--red); padding-bottom: 0.6em; }
.issuer-mark { color: var(--red); font-family: var(--xiaobiaosong); font-weight: bold; font-size: 2.2em; letter-spacing: 0.05em; line-height: 1.3; text-indent: 0; margin: 0.5em 0 1em; }
.doc-number { text-indent: 0; text-align: center; }

/* 标题, occasion, speaker, 主送 */
.title { font-family: var(--xiaobiaosong); font-size: 22pt; font-weight: bold; text-align: center; line-height: 1.5; margin: 0.8em 0 0.6em; }
.delivered, .author { text-indent: 0; text-align: center; font-family: var(--kaiti); }
.author { margin-bottom: 1em; }
.recipients, .salutation { text-indent: 0; margin-top: 0.5em; }

/* 正文 levels: 一、 黑体; （一） 楷体; 1. 仿宋 bold; （1） 仿宋 */
.section-heading { font-size: 1em; line-height: 1.75; margin: 0; text-indent: 2em; font-weight: normal; }
.level-1 > .section-heading { font-family: var(--heiti); }
.level-2 > .section-heading { font-family: var(--kaiti); }
.level-3 > .section-heading { font-weight: bold; }
.section-heading.run-in { display: inline; padding-left: 2em; text-indent: 0; }
.section-heading.run-in + p { display: inline; text-indent: 0; }
.section-heading.run-in + p::after { content: ""; display: block; }
/* a numeral and what follows it stand a space apart, as printed (第一章 总则, 第一条 为…): a margin, no text */
.section-heading .num + .heading-text { margin-left: 0.5em; }
.section-heading.run-in .num { margin-right: 0.5em; }
.section-heading .num:last-child { margin-right: 0.5em; }
.heading { font-family: var(--heiti); font-size: 1em; font-weight: normal; text-indent: 2em; margin: 0; }
strong { font-weight: bold; }
.note-ref { text-decoration: none; }
.note-ref sup { font-size: 0.6em; }
ol.list { list-style: none; margin: 0; padding: 0; }
ol.list > li { text-indent: 2em; }
.responsible { font-family: var(--kaiti); }
.member { text-indent: 2em; }

/* 附件说明, 署名, 成文日期, 附注 */
.attachment-note { margin-top: 1.75em; }
.signature { text-align: right; margin: 1.75em 4em 1em 0; }
.dateline { text-align: center; margin: 0.5em 0 1em; }
.dateline p, .adopted, .attendance, .meeting { text-indent: 0; }
.adopted { text-align: center; font-family: var(--kaiti); }
.amendment .num { font-family: var(--heiti); }
.signature p, .printer p { text-indent: 0; }
.remark { margin-bottom: 1em; }

/* 附件 */
.attachment { margin-top: 2em; }
.attachment > .label { font-family: var(--heiti); text-indent: 0; }

/* tables: header, group, data and note rows; merged cells span */
.table-wrap { overflow-x: auto; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.5; }
caption { font-family: var(--heiti); font-size: 12pt; padding-bottom: 0.4em; }
th, td { border: 1px solid #000; padding: 0.2em 0.35em; vertical-align: middle; }
thead th { font-family: var(--heiti); font-weight: normal; }
tr.group th { font-family: var(--heiti); font-weight: normal; text-align: center; }
tr.note td { border: none; text-align: left; font-size: 0.95em; }
td .item { display: block; }

/* 名词解释: entries that footnote markers link to */
.glossary { margin-top: 2em; }
.glossary-title { font-family: var(--xiaobiaosong); font-size: 18pt; text-align: center; margin: 0.5em 0; }
ol.entries { list-style: none; padding: 0; margin: 0; }
ol.entries > li { text-indent: 2em; }
ol.entries > li:target { background: #fff6d5; }
.term { font-style: normal; font-family: var(--heiti); }
.term::after { content: "："; }
.back { text-decoration: none; }
.back::after { content: " ↩"; font-family: sans-serif; font-size: 0.7em; }

/* 版记: 抄送, 印发 between rules */
.imprint-lines { border-top: 1.5px solid #000; border-bottom: 1.5px solid #000; margin-top: 2em; padding: 0.2em 1em; font-size: 14pt; }
.imprint-lines .cc { text-indent: 0; border-bottom: 1px solid #000; }
.printer { display: flex; justify-content: space-between; }

/* 公报: masthead, 目录, columns, record sections */
.masthead { text-align: center; border-bottom: 3px double var(--red); margin: 2em 0; padding-bottom: 1em; }
.masthead .title { color: var(--red); font-size: 30pt; }
.masthead p { text-indent: 0; }
.about, .cover, .imprint { border: 1px solid #ccc; padding: 1em; margin: 1em 0; }
.cover p, .imprint p { text-indent: 0; }
.toc { margin: 2em 0; }
ol.toc-entries { list-style: none; padding: 0; }
.toc-part { font-family: var(--heiti); margin-top: 0.5em; }
.toc-entry { display: flex; gap: 0.5em; padding-left: 2em; }
.toc-entry a { text-decoration: none; flex: 1; }
.toc-entry[data-page]::after { content: attr(data-page); }
.part-label { font-family: var(--heiti); font-size: 18pt; color: var(--red); text-align: center; margin: 2em 0 1em; }
.records { margin-top: 2em; }
.chronicle .event, .appointments .appointment { margin-bottom: 0.5em; }

@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  html { background: none; }
  main.gongwen { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { text-decoration: none; }
  .document + .document, .transmitted .document, .part, .records, .attachment { break-before: page; border-top: none; padding-top: 0; }
  h1, h2, h3, h4, h5, h6, [role="heading"], caption { break-after: avoid; }
  tr, .signature, .imprint-lines { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .back { display: none; }
}
</xsl:variable>

</xsl:stylesheet>
